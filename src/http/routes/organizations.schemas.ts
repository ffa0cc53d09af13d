/** How organizations look in responses. */
import { ORG_KINDS } from '../../contract/access.ts';
import { z } from 'zod';
import type { OrganizationView } from '../../app/accounts/list-organizations.ts';
import { arabicNameOut } from '../schemas.ts';

export const organizationOut = z
  .object({
    id: z.string(),
    name: z.string(),
    name_ar: arabicNameOut('name'),
    kind: z.enum(ORG_KINDS),
    task_force: z.boolean().describe('a member of the ceasefire task force'),
  })
  .meta({ id: 'Organization' });

export const organizationsOut = z.object({ items: z.array(organizationOut) });

export const organizationJson = (o: OrganizationView): z.infer<typeof organizationOut> => ({
  id: o.id,
  name: o.name,
  name_ar: o.nameAr,
  kind: o.kind,
  task_force: o.taskForce,
});
