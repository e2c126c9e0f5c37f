import 'server-only';
import type { Attributes } from '@opentelemetry/api';
import { ATTR_CODE_FILE_PATH, ATTR_CODE_FUNCTION_NAME, ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { ABORTED_ERROR_TYPE, FRAMEWORK_REJECTIONS, OTHER_SERVER_ACTION, type FrameworkRejection } from './http-instruments.js';
import type { DurationHistogram } from './duration-histograms.js';
import type { RecordedSeries } from './recorded-series.js';
import { serverActionName, type ServerActionName } from './server-action.js';

/**
 * The series of next.server_action.duration, built once per (action, outcome) and reused, so
 * recording an action allocates nothing for the common case. An id the build does not know is
 * recorded as _OTHER: the id is client input and must never become an attribute value.
 */
export class ServerActionAttributeCache {
  private readonly byAction = new Map<ServerActionName | undefined, Map<number, RecordedSeries>>();
  private readonly byException = new Map<ServerActionName | undefined, Map<string, RecordedSeries>>();

  constructor(private readonly histogram: DurationHistogram) {}

  forResponse(
    actionId: string,
    status: number | undefined,
    aborted: boolean,
    rejection: FrameworkRejection | undefined,
    exceptionType: string | undefined,
  ): RecordedSeries {
    const action = serverActionName(actionId);
    if (exceptionType !== undefined && (status === undefined || status >= 500)) return this.forException(action, exceptionType);
    let byOutcome = this.byAction.get(action);
    if (byOutcome === undefined) {
      byOutcome = new Map();
      this.byAction.set(action, byOutcome);
    }
    // Same error.type rule as http.server.request.duration: 'aborted', a framework rejection (the
    // action never ran), or the status code on 5xx. One map for all outcomes: 0 is success, -1 is
    // aborted, below that a rejection (by its place in the list), anything else the 5xx status.
    const outcome = aborted ? -1 : rejection !== undefined ? -2 - FRAMEWORK_REJECTIONS.indexOf(rejection) : status !== undefined && status >= 500 ? status : 0;
    let series = byOutcome.get(outcome);
    if (series === undefined) {
      const attributes: Attributes = action
        ? { [ATTR_CODE_FUNCTION_NAME]: action.name, [ATTR_CODE_FILE_PATH]: action.file }
        : { [ATTR_CODE_FUNCTION_NAME]: OTHER_SERVER_ACTION };
      if (outcome === -1) attributes[ATTR_ERROR_TYPE] = ABORTED_ERROR_TYPE;
      else if (rejection !== undefined) attributes[ATTR_ERROR_TYPE] = rejection;
      else if (outcome !== 0) attributes[ATTR_ERROR_TYPE] = String(outcome);
      series = this.histogram.newSeries(attributes);
      byOutcome.set(outcome, series);
    }
    return series;
  }

  // An action that threw: error.type is the exception's type (see AttributeCache.forException).
  private forException(action: ServerActionName | undefined, exceptionType: string): RecordedSeries {
    let byType = this.byException.get(action);
    if (byType === undefined) {
      byType = new Map();
      this.byException.set(action, byType);
    }
    let series = byType.get(exceptionType);
    if (series === undefined) {
      const attributes: Attributes = action
        ? { [ATTR_CODE_FUNCTION_NAME]: action.name, [ATTR_CODE_FILE_PATH]: action.file }
        : { [ATTR_CODE_FUNCTION_NAME]: OTHER_SERVER_ACTION };
      attributes[ATTR_ERROR_TYPE] = exceptionType;
      series = this.histogram.newSeries(attributes);
      byType.set(exceptionType, series);
    }
    return series;
  }
}
