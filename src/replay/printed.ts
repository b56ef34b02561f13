import { memberRef } from '../model/members.js';
import { hasPrintedForms, printedForm, type PrintedForm } from '../model/printed-forms.js';
import type { ServiceModel, ShapeRef } from '../model/types.js';
import { isPlainObject } from './wire.js';

/**
 * botocore's after-call handlers print some members otherwise than the service sends them (IAM's URL-encoded
 * policies as objects, a JSON template body as an object, console output decoded from base64). Replay sends the
 * documented value in the service's form and reads the client's answer back in the printed form.
 */
type Direction = 'toService' | 'toPrinted';

export function documentedToServiceForm(model: ServiceModel, operationName: string, outputRef: ShapeRef | undefined, value: unknown): unknown {
  return outputRef && hasPrintedForms(model) ? rewrite(model, operationName, outputRef, value, 'toService', true) : value;
}

export function resultToPrintedForm(model: ServiceModel, operationName: string, outputRef: ShapeRef | undefined, value: unknown): unknown {
  return outputRef && hasPrintedForms(model) ? rewrite(model, operationName, outputRef, value, 'toPrinted', true) : value;
}

function rewrite(model: ServiceModel, operationName: string, ref: ShapeRef, value: unknown, direction: Direction, top: boolean): unknown {
  const shape = model.shapes[ref.shape];
  if (!shape || value === null || value === undefined) return value;
  if (shape.type === 'structure' && isPlainObject(value)) {
    const entries = Object.entries(value).map(([key, item]) => {
      const member = memberRef(shape, key);
      if (!member) return [key, item];
      const form = printedForm(model, operationName, member.shape, top ? key : undefined);
      return [key, form ? convert(model, form, item, direction) : rewrite(model, operationName, member, item, direction, false)];
    });
    return Object.fromEntries(entries);
  }
  if (shape.type === 'list' && Array.isArray(value)) return value.map((item) => rewrite(model, operationName, shape.member!, item, direction, false));
  if (shape.type === 'map' && isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rewrite(model, operationName, shape.value!, item, direction, false)]));
  }
  return value;
}

function convert(model: ServiceModel, form: PrintedForm, value: unknown, direction: Direction): unknown {
  // IAM sends its policies URL-encoded (botocore's json_decode_policies unquotes them first).
  const urlEncoded = model.cliName === 'iam';
  if (form === 'text') {
    if (direction === 'toService') return typeof value === 'string' ? Buffer.from(value).toString('base64') : value;
    return value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : value;
  }
  if (direction === 'toService') {
    if (typeof value === 'string') return value;
    const text = JSON.stringify(value);
    return urlEncoded ? encodeURIComponent(text) : text;
  }
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(urlEncoded ? decodeURIComponent(value) : value);
  } catch {
    return value;
  }
}
