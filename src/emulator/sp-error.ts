/**
 * An error the emulator answers the way SharePoint Online does: an HTTP status, the
 * `code` SharePoint puts in its error body ("-1, System.ArgumentException") and the
 * message. The REST layer renders it in the JSON flavour the client asked for.
 */
export class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'SpError';
  }
}

const ARGUMENT = '-1, System.ArgumentException';
const NOT_FOUND_ARGUMENT = '-2147024809, System.ArgumentException';
const INVALID_QUERY = '-1, Microsoft.SharePoint.Client.InvalidClientQueryException';
const CLIENT_SERVICE = '-1, Microsoft.SharePoint.Client.ClientServiceException';

/** The errors SharePoint answers with, by situation; messages follow SharePoint Online's. */
export const spErrors = {
  listNotFound: (title: string, siteUrl: string) =>
    new SpError(404, ARGUMENT, `List '${title}' does not exist at site with URL '${siteUrl}'.`),
  listIdNotFound: (id: string) =>
    new SpError(404, ARGUMENT, `List does not exist.\n\nThe page you selected contains a list that does not exist. It may have been deleted by another user. (list id ${id})`),
  itemNotFound: () => new SpError(404, NOT_FOUND_ARGUMENT, 'Item does not exist. It may have been deleted by another user.'),
  fieldNotFound: (name: string, listUrl: string) =>
    new SpError(404, NOT_FOUND_ARGUMENT, `Column '${name}' does not exist. It may have been deleted by another user.  ${listUrl}`),
  viewNotFound: () => new SpError(404, NOT_FOUND_ARGUMENT, 'The specified view is invalid.'),
  userNotFound: () => new SpError(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.'),
  userCannotBeResolved: (logon: string) =>
    new SpError(500, '-2146232832, Microsoft.SharePoint.SPException', `The specified user ${logon} could not be found.`),
  unknownProperty: (name: string) => new SpError(400, INVALID_QUERY, `The field or property '${name}' does not exist.`),
  unknownBodyProperty: (name: string, type: string) =>
    new SpError(400, INVALID_QUERY, `The property '${name}' does not exist on type '${type}'. Make sure to only use property names that are defined by the type.`),
  unresolvedType: (type: string) =>
    new SpError(400, INVALID_QUERY, `A type named '${type}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`),
  badValue: (edmType: string, detail: string) =>
    new SpError(400, INVALID_QUERY, `Cannot convert a primitive value to the expected type '${edmType}'. See the inner exception for more details. (${detail})`),
  badQuery: (message: string) => new SpError(400, INVALID_QUERY, message),
  notExpanded: (ref: string, name: string) =>
    new SpError(400, INVALID_QUERY, `The query to field '${ref}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${name}.`),
  badJson: (detail: string) =>
    new SpError(400, INVALID_QUERY, `Invalid JSON. ${detail} Send the body as JSON (Content-Type: application/json).`),
  tooLarge: (limit: number) =>
    new SpError(413, CLIENT_SERVICE, `The request message is too big. The server does not allow messages larger than ${limit} bytes.`),
  staleEtag: (sent: string, current: string) =>
    new SpError(412, CLIENT_SERVICE, `The request ETag value '${sent}' does not match the object's ETag value '${current}'.`),
  throttledQuery: () =>
    new SpError(500, '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', 'The attempted operation is prohibited because it exceeds the list view threshold.'),
  duplicateValues: () =>
    new SpError(500, '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException', 'The list item could not be added or updated because duplicate values were found in one or more fields in the list.'),
  duplicateList: () =>
    new SpError(500, '-2130575342, Microsoft.SharePoint.SPException', 'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.'),
  duplicateField: (name: string) => new SpError(500, '-2130575340, Microsoft.SharePoint.SPException', `A duplicate field name "${name}" was found.`),
  resourceNotFound: (segment: string) =>
    new SpError(404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${segment}.`),
  methodNotAllowed: (method: string, what: string) =>
    new SpError(405, CLIENT_SERVICE, `The HTTP method '${method}' cannot be used to access the resource '${what}'. The operation type of the resource is specified as 'Default'. Please use correct HTTP method to invoke the resource.`),
  badRequest: (message: string) => new SpError(400, CLIENT_SERVICE, message),
  listTitleTooLong: (length: number) =>
    new SpError(400, ARGUMENT, `The list title is ${length} characters long; SharePoint allows at most 255. Choose a shorter title.`),
  textTooLong: (name: string, max: number) =>
    new SpError(400, '-2130575162, Microsoft.SharePoint.SPFieldValidationException', `The value of the field '${name}' is longer than its maximum of ${max} characters. Shorten the text and try again.`),
  numberOutOfRange: (name: string, min: number, max: number) =>
    new SpError(400, '-2130575162, Microsoft.SharePoint.SPFieldValidationException', `The value of the field '${name}' must be between ${min} and ${max}.`),
  choiceNotAllowed: (name: string, value: string) =>
    new SpError(400, '-2130575162, Microsoft.SharePoint.SPFieldValidationException', `The value '${value}' is not one of the choices of the field '${name}'. Pick one of the field's Choices.`),
  unsupportedFormula: (detail: string) =>
    new SpError(400, '-2130575197, Microsoft.SharePoint.SPException', `The formula contains a syntax error or is not supported. (${detail})`),
  volatileFormula: () =>
    new SpError(400, '-2130575197, Microsoft.SharePoint.SPException', 'Calculated columns cannot contain volatile functions like Today and Me.'),
  notSupported: (what: string) => new SpError(400, '-1, System.NotSupportedException', `Specified method is not supported. (${what})`),
  batchTooLarge: (count: number, limit: number) =>
    new SpError(400, CLIENT_SERVICE, `The batch holds ${count} operations; SharePoint Online accepts at most ${limit} in one $batch request. Split it into smaller batches.`),
  uriTooLong: (limit: number) => new SpError(414, CLIENT_SERVICE, `The request URL is longer than ${limit} characters. Shorten the query (fewer $select fields or a shorter $filter).`),
};
