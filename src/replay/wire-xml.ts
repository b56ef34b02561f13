import { XmlNode } from '@aws-sdk/xml-builder';
import { memberRef } from '../model/members.js';
import type { ServiceModel, Shape, ShapeRef } from '../model/types.js';
import type { ReplayProblem } from './types.js';
import { documentedInstant, formatTimestamp, isPlainObject, pointerTo, shapeOf, unreadableTimestamp } from './wire.js';

/**
 * Documented values (CLI output form) written as the XML a query, ec2 or restXml service answers with,
 * following botocore's reading rules (`locationName`, flattened lists and maps, `xmlAttribute`,
 * `xmlNamespace`). The elements are built with the SDK's own XML builder; which elements to build is
 * decided here because no library writes botocore-modelled XML.
 */
export interface XmlWriting {
  model: ServiceModel;
  /** Documented values sent unchanged that the client may choke on (the client's reaction is reported). */
  unreadable: ReplayProblem[];
  /** Documented values XML cannot carry at all (a string where the model has a structure): left out, reported. */
  unwritable: ReplayProblem[];
}

/** The element of a structure (its members as children); members bound to HTTP headers or the status code are left to the caller. */
export function structureElement(writing: XmlWriting, ref: ShapeRef, value: unknown, name: string, pointer: string): XmlNode {
  const shape = shapeOf(writing.model, ref);
  const node = new XmlNode(name);
  addNamespace(node, ref.xmlNamespace ?? shape.xmlNamespace);
  if (!isPlainObject(value)) {
    writing.unwritable.push({ pointer, message: `${describe(value)} where the model has the structure ${ref.shape}` });
    return node;
  }
  // Two members may read the same elements (S3's deprecated `Event` and `Events`): the service sends them once.
  const written = new Set<string>();
  for (const [key, memberValue] of Object.entries(value)) {
    if (memberValue === null || memberValue === undefined) continue;
    const member = memberRef(shape, key);
    const memberPointer = pointerTo(pointer, key);
    if (!member) {
      // Keys the model does not know go out as elements of their own: whether the client drops them is the fact to find.
      node.addChildNode(untypedElement(key, memberValue));
      continue;
    }
    if (member.location) continue;
    if (member.xmlAttribute) {
      node.addAttribute(member.locationName ?? key, scalarText(writing, member, memberValue, memberPointer));
      continue;
    }
    const name = elementName(writing.model, member, key);
    if (written.has(name)) continue;
    written.add(name);
    for (const child of memberElements(writing, member, memberValue, name, memberPointer)) node.addChildNode(child);
  }
  return node;
}

/** botocore's element name for a member: a flattened list's items carry the list member's name when it has one. */
function elementName(model: ServiceModel, ref: ShapeRef, memberName: string): string {
  const shape = model.shapes[ref.shape];
  if (shape?.type === 'list' && (shape.flattened || ref.flattened) && shape.member?.locationName) return shape.member.locationName;
  return ref.locationName ?? memberName;
}

/** The elements one value is written as: one, or one per item of a flattened list or entry of a flattened map. */
function memberElements(writing: XmlWriting, ref: ShapeRef, value: unknown, name: string, pointer: string): XmlNode[] {
  const { model } = writing;
  const shape = shapeOf(model, ref);
  const flattened = Boolean(shape.flattened || ref.flattened);
  switch (shape.type) {
    case 'structure':
      if (shape.document) return [untypedElement(name, value)];
      return [structureElement(writing, ref, value, name, pointer)];
    case 'list': {
      if (!Array.isArray(value)) return [unwritable(writing, name, value, pointer, `the list ${ref.shape}`)];
      const member = shape.member!;
      const items = value.flatMap((item, index) =>
        item === null ? [] : memberElements(writing, member, item, flattened ? name : (member.locationName ?? 'member'), pointerTo(pointer, index)),
      );
      if (flattened) return items;
      const node = new XmlNode(name);
      for (const item of items) node.addChildNode(item);
      return [node];
    }
    case 'map': {
      if (!isPlainObject(value)) return [unwritable(writing, name, value, pointer, `the map ${ref.shape}`)];
      const entries = Object.entries(value).map(([key, item]) => {
        const entry = new XmlNode(flattened ? name : 'entry');
        entry.addChildNode(XmlNode.of(shape.key!.locationName ?? 'key', key));
        if (item !== null) for (const child of memberElements(writing, shape.value!, item, shape.value!.locationName ?? 'value', pointerTo(pointer, key))) entry.addChildNode(child);
        return entry;
      });
      if (flattened) return entries;
      const node = new XmlNode(name);
      for (const entry of entries) node.addChildNode(entry);
      return [node];
    }
    default: {
      if (typeof value === 'object') return [unwritable(writing, name, value, pointer, shape.type)];
      const node = XmlNode.of(name, scalarText(writing, ref, value, pointer));
      addNamespace(node, ref.xmlNamespace);
      return [node];
    }
  }
}

/** A scalar as XML text: timestamps in the member's format (ISO 8601 by default), booleans and numbers as JSON prints them. */
export function scalarText(writing: XmlWriting, ref: ShapeRef, value: unknown, pointer: string): string {
  const shape: Shape = shapeOf(writing.model, ref);
  if (shape.type === 'timestamp') {
    const instant = documentedInstant(value);
    if (instant === undefined) {
      writing.unreadable.push(unreadableTimestamp(value, pointer));
      return String(value);
    }
    return String(formatTimestamp(instant, (ref.timestampFormat as string | undefined) ?? shape.timestampFormat ?? 'iso8601'));
  }
  return String(value);
}

function unwritable(writing: XmlWriting, name: string, value: unknown, pointer: string, expected: string): XmlNode {
  writing.unwritable.push({ pointer, message: `${describe(value)} where the model has ${expected}` });
  return new XmlNode(name);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isPlainObject(value)) return 'an object';
  return `a ${typeof value}`;
}

/** A value the model does not describe, as plain nested elements. */
function untypedElement(name: string, value: unknown): XmlNode {
  if (Array.isArray(value)) {
    const node = new XmlNode(name);
    for (const item of value) node.addChildNode(untypedElement('member', item));
    return node;
  }
  if (isPlainObject(value)) {
    const node = new XmlNode(name);
    for (const [key, item] of Object.entries(value)) node.addChildNode(untypedElement(key, item));
    return node;
  }
  return XmlNode.of(name, String(value));
}

function addNamespace(node: XmlNode, namespace: unknown): void {
  if (!isPlainObject(namespace) || typeof namespace.uri !== 'string') return;
  node.addAttribute(typeof namespace.prefix === 'string' ? `xmlns:${namespace.prefix}` : 'xmlns', namespace.uri);
}

/** The service's XML namespace (`metadata.xmlNamespace`, a string or `{ uri }`). */
export function serviceXmlNamespace(model: ServiceModel): string | undefined {
  const { xmlNamespace } = model.metadata;
  return typeof xmlNamespace === 'string' ? xmlNamespace : xmlNamespace?.uri;
}

export { XmlNode };
