/**
 * Who the deconfliction console is for: the roles that deconflict, those who acknowledge what they
 * are told, notify sites and movements, record positions or declare operations (admins, analysts,
 * monitors, humanitarians). Reporters and observers keep the pages of each part.
 */
import type { Permission } from '../../api/permissions.ts';

export const mayDeconflict = (can: (p: Permission) => boolean): boolean =>
  can('notification:acknowledge') || can('notification:send') || can('operation:declare') || can('position:manage');
