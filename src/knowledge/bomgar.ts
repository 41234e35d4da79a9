/**
 * The Bomgar / BeyondTrust Remote Support API surface that identifies code talking to it
 * (sources: ../shared/domain/bomgar-api.md §1–2).
 */

/** `/api/reporting`, `/api/command`, their legacy `.ns` forms and the v2 command API. */
export const ENDPOINT_PATTERN = /\/api\/(?:command|reporting|client_script|start_session|backup)(?:\.ns|\/v2)?\b/;

export const REPORT_TYPES: ReadonlySet<string> = new Set([
  'SupportSession', 'SupportSessionListing', 'SupportSessionSummary', 'SupportSessionRecording',
  'ShowMyScreenRecording', 'CommandShellRecording', 'PresentationSession', 'PresentationSessionListing',
  'PresentationSessionRecording', 'SupportCustExitSurvey', 'SupportRepExitSurvey', 'SupportTeam',
  'ArchiveListing', 'LicenseUsage', 'EndpointLicenseUsage',
  'AccessSession', 'AccessSessionListing', 'AccessSessionRecording',
]);

/** Command API `action=` values (RS and later additions). */
export const COMMAND_ACTIONS: ReadonlySet<string> = new Set([
  'get_logged_in_reps', 'get_support_teams', 'generate_session_key', 'join_session', 'transfer_session',
  'set_session_attributes', 'get_session_attributes', 'terminate_session', 'get_appliances',
  'get_connected_client_list', 'get_connected_clients', 'check_health', 'set_failover_role',
  'import_jump_shortcut', 'import_jump_shortcuts', 'get_api_info', 'leave_session', 'set_rep_status',
  'logout_rep', 'create_virtual_customer',
]);

/** Outbound event names posted by the appliance. */
export const OUTBOUND_EVENTS: ReadonlySet<string> = new Set([
  'support_conference_begin', 'support_conference_end', 'support_conference_owner_changed',
  'support_conference_member_added', 'support_conference_member_departed',
  'support_conference_customer_exit_survey_completed', 'support_conference_rep_exit_survey_completed',
]);

/** Namespace URIs seen over the years; compare loosely (http/https, trailing suffixes). */
export const NAMESPACE_URI_PATTERN =
  /^https?:\/\/www\.(?:networkstreaming\.com\/namespaces\/API|bomgar\.com\/namespaces\/API|beyondtrust\.com\/(?:sra\/)?namespaces\/API)(?:\/(?:command|reporting))?\/?$/;

/** Root elements of API responses: the only elements that carry the 10.6 default namespace. */
export const ROOT_ELEMENTS: ReadonlySet<string> = new Set([
  'session_list', 'session_summary_list', 'error', 'success', 'custom_attributes', 'logged_in_reps',
  'support_teams', 'api_info', 'appliances', 'connected_client_list', 'connected_clients',
  'exit_survey_list', 'presentation_session_list', 'presentation_session_summary_list',
  'session_key', 'health', 'license_usage_list', 'team_list',
]);

/** Root elements that hold only text (leaf roots): object mappers turn these into objects under 10.6. */
export const LEAF_ROOT_ELEMENTS: ReadonlySet<string> = new Set(['error', 'success']);

/** Element names that appear in API responses (roots and children). */
export const RESPONSE_ELEMENTS: ReadonlySet<string> = new Set([
  ...ROOT_ELEMENTS,
  'session', 'session_summary', 'session_type', 'lseq', 'start_time', 'end_time', 'duration', 'external_key',
  'custom_attribute', 'public_site', 'session_chat_view_url', 'session_chat_download_url',
  'file_transfer_count', 'file_move_count', 'file_delete_count', 'primary_customer', 'primary_rep',
  'jump_group', 'jumpoint', 'customer_list', 'customer', 'rep_list', 'representative', 'username',
  'display_name', 'public_display_name', 'private_display_name', 'public_ip', 'private_ip', 'hostname', 'os',
  'info', 'name', 'company', 'company_code', 'issue', 'details', 'session_owner', 'seconds_involved',
  'session_details', 'event', 'performed_by', 'destination', 'body', 'filename', 'filesize', 'data', 'value',
  'exit_survey', 'submitted_by', 'question_list', 'question', 'answer_list', 'answer', 'rep', 'team',
  'support_session_count',
]);

/**
 * Element names distinctive enough that naming one (as an XPath step, object key or property) is
 * evidence of Bomgar code on its own. Generic names such as `session` or `error` are not.
 */
export const DISTINCTIVE_ELEMENTS: ReadonlySet<string> = new Set([
  'session_list', 'session_summary_list', 'session_summary', 'lseq', 'logged_in_reps', 'exit_survey_list',
  'primary_rep', 'primary_customer', 'rep_list', 'customer_list', 'session_chat_view_url',
  'session_chat_download_url', 'file_transfer_count', 'session_details', 'gsnumber',
]);

/** Words that name the vendor or product in identifiers and strings. */
export const VENDOR_WORD_PATTERN = /bomgar|beyondtrust/i;

/** `<session lsid="…"` in a pattern or string: the shape of the reporting API's XML. */
export const SESSION_LSID_MARKUP_PATTERN = /<session(?:_summary)?\s+lsid=/;

/**
 * The cheap first pass: a file that matches none of these cannot produce a finding or context.
 * Case-sensitive with word starts, as identifiers spell them (`lsid`, `lastLsid`, `LSID`), so that
 * `CLSID`, `toolsId` or minified noise do not send a bundle to the parser.
 */
/** Byte sequences at least one of which occurs wherever PREFILTER_PATTERN matches: checked before decoding. */
export const PREFILTER_NEEDLES: readonly string[] = [
  'lsid', 'lseq', 'LSID', 'LSEQ', 'Lsid', 'Lseq', 'omgar', 'OMGAR', 'eyondtrust', 'eyondTrust', 'EYONDTRUST', 'networkstreaming', '/api/',
  'generate_report', 'support_conference_', 'session_list', 'session_summary',
];

export const PREFILTER_PATTERN =
  /(?<![A-Za-z])(?:lsid|lseq|LSID|LSEQ)|Lsid|Lseq|[Bb]omgar|BOMGAR|[Bb]eyond[Tt]rust|BEYONDTRUST|networkstreaming|\/api\/(?:command|reporting)|generate_report|support_conference_|session_list|session_summary/;
