/**
 * The keys of the cached queries, in one place so the live invalidation (live-invalidation.ts)
 * and the per-feature hooks (features/<feature>/queries.ts) name the same thing the same way.
 * Keys are hierarchical: invalidating a prefix invalidates everything under it.
 */
export const queryKeys = {
  /** Who is signed in: the one query that outlives a session (signing out clears all the others). */
  session: ['session'] as const,
  me: ['session', 'me'] as const,
  /** What every page names (api/world.tsx): read once per session. */
  world: ['world'] as const,
  actors: ['world', 'actors'] as const,
  agreements: ['world', 'agreements'] as const,
  organizations: ['world', 'organizations'] as const,
  /** The zones' names (the world's, and the territory page's filter). */
  zoneNames: ['world', 'zones'] as const,
  /** The world's settings (the timezone, the host state, the days of calm per agreement); not under `states`. */
  settings: ['world', 'settings'] as const,
  incidentLists: ['incidents', 'list'] as const,
  incidentList: (query: unknown) => ['incidents', 'list', query] as const,
  incident: (id: string) => ['incidents', 'detail', id] as const,
  incidentAudit: (id: string) => ['incidents', 'audit', id] as const,
  /**
   * After an incident: the notified sites it struck and its post-incident review. They read sites, notices,
   * notifications, hotline threads and reports: any of those events reloads them.
   */
  incidentReviews: ['incident-review'] as const,
  struckSites: (id: string) => ['incident-review', 'struck', id] as const,
  incidentReview: (id: string, around: unknown) => ['incident-review', 'timeline', id, around] as const,
  report: (id: string) => ['reports', 'detail', id] as const,
  /** The inbox's lists, and the incidents suggested for a report (they change with the incidents). */
  reportLists: ['reports', 'list'] as const,
  reportList: (query: unknown) => ['reports', 'list', query] as const,
  suggestionLists: ['reports', 'suggestions'] as const,
  suggestions: (id: string) => ['reports', 'suggestions', id] as const,
  /** The review queue's rulings (pending ones, those awaiting an organization). */
  rulingLists: ['rulings'] as const,
  rulingList: (query: unknown) => ['rulings', query] as const,
  search: (q: string) => ['search', q] as const,
  /** The hotline: its threads, one thread with its timeline, the times per party (all under `hotline`). */
  hotline: ['hotline'] as const,
  hotlineList: ['hotline', 'list'] as const,
  hotlineThread: (id: string) => ['hotline', 'thread', id] as const,
  hotlineTimes: ['hotline', 'times'] as const,
  /** The users of the admin's organization (administration). */
  users: ['users'] as const,
  /** API tokens: yours, or (an admin) those of a user of your organization. */
  /** Your email settings (the account page). */
  emailSettings: ['account', 'email'] as const,
  apiTokenLists: ['tokens'] as const,
  apiTokens: (user: string | null) => ['tokens', user ?? ''] as const,
  /** Your webhooks, and each one's delivery log (under `webhooks`). */
  webhooks: ['webhooks'] as const,
  webhookList: ['webhooks', 'list'] as const,
  webhookDeliveries: (id: string) => ['webhooks', 'deliveries', id] as const,
  /** Humanitarian notifications: the lists (sent, received, all) and each one. */
  notifications: ['notifications'] as const,
  /** Convoy requests: the lists (awaiting my organization, mine, all), each one, who decides for which party. */
  convoyRequests: ['convoy-requests'] as const,
  convoyRequestList: (box: string) => ['convoy-requests', 'list', box] as const,
  convoyRequest: (id: string) => ['convoy-requests', 'detail', id] as const,
  convoyRepresentatives: ['convoy-requests', 'representatives'] as const,
  /** The monthly access plan: derived from the convoy requests, so under their key (their live events reload it). */
  accessPlan: (month: string | null) => ['convoy-requests', 'plan', month] as const,
  /** Besieged areas: the dashboard as of a day, and each area with every figure. */
  besieged: ['besieged'] as const,
  besiegedDashboard: ['besieged', 'dashboard'] as const,
  besiegedArea: (id: string) => ['besieged', 'detail', id] as const,
  /** Local agreements with their evacuations: the timeline, and each one. */
  localAgreements: ['local-agreements'] as const,
  /** Text intake: the texts received (pasted, uploaded, mailed), and each with its drafts. */
  sourceTexts: ['intake', 'texts'] as const,
  sourceTextList: (waiting: boolean) => ['intake', 'texts', 'list', waiting] as const,
  sourceText: (id: string) => ['intake', 'texts', 'detail', id] as const,
  negotiation: ['negotiation'] as const,
  negotiationRooms: ['negotiation', 'list'] as const,
  negotiationRoom: (id: string) => ['negotiation', 'room', id] as const,
  negotiationVersions: (id: string) => ['negotiation', 'versions', id] as const,
  localAgreementList: ['local-agreements', 'list'] as const,
  localAgreement: (id: string) => ['local-agreements', 'detail', id] as const,
  /** Operation notices (the lists, each with its conflicts) and the alerts of the user's organization's places. */
  notices: ['notices'] as const,
  noticeAlerts: ['notices', 'alerts'] as const,
  /** The deconfliction console: one day's sites, movements, positions, operations, conflicts and alerts. */
  deconfliction: ['deconfliction'] as const,
  deconflictionDay: (day: string) => ['deconfliction', 'day', day] as const,
  /** The parties' positions: those of the user's organization and those shared with it. */
  positions: ['positions'] as const,
  /** The audit trail across records, by its filters. */
  auditTrails: ['audit'] as const,
  auditTrail: (query: unknown) => ['audit', query] as const,
  /** One zone with its control history and findings. */
  zoneDetails: ['zone'] as const,
  zoneDetail: (id: string) => ['zone', id] as const,
  /** Territory findings: the list, one change of control. */
  territory: ['territory'] as const,
  territoryList: (query: unknown) => ['territory', 'list', query] as const,
  controlChange: (zone: string, at: number) => ['territory', 'change', zone, at] as const,
  mapExtent: ['map', 'extent'] as const,
  mapIncidentViews: ['map', 'incidents'] as const,
  mapIncidents: (view: unknown) => ['map', 'incidents', view] as const,
  zoneLayers: ['map', 'zones'] as const,
  zones: (asOf: string) => ['map', 'zones', asOf] as const,
  protectedSites: (from: string, to: string) => ['map', 'sites', from, to] as const,
  convoys: (from: string | null, to: string) => ['map', 'convoys', from, to] as const,
  states: ['state'] as const,
  state: (query: unknown) => ['state', query] as const,
  /** Under `states`: what changes the state's figures changes the report's. */
  dailyReport: (query: unknown) => ['state', 'daily-report', query] as const,
  reportSchedule: ['report-schedule'] as const,
};
