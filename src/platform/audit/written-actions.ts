// The audit actions the server's source can write, found by reading it (TypeScript's parser, no
// type checker): every `action:` of an object that also names its `actor` (an entry for appendAudit,
// appendAuditEntries or withOperator), and every argument given to a function's `action`
// parameter (a route's own `audit(tx, actor, "resident.history-viewed", …)` helper). A value is a
// string literal, a choice between literals, or a constant declared with a literal; anything else
// that is not itself an `action` parameter passed on is reported as unresolved, so that a new way of
// writing an action cannot slip past the check that every action has a Japanese label.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface WrittenActions {
  /** Action → the files that write it (relative to the source root). */
  actions: Map<string, Set<string>>;
  /** Places whose action could not be read: "file:line: text". */
  unresolved: string[];
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") && !entry.name.includes("test-support") ? [full] : [];
  });
}

const propertyName = (name: ts.PropertyName | ts.BindingName): string | null =>
  ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : null;

function calledName(call: ts.CallExpression): string | null {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return null;
}

export function writtenAuditActions(root: string): WrittenActions {
  const files = sourceFiles(root).map((file) => ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true));
  // Pass 1: string constants (`const X = "a.b"`) and functions with a parameter named `action`.
  const constants = new Map<string, string>();
  const actionParameter = new Map<string, number>();
  for (const file of files) {
    const visit = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        if (ts.isStringLiteralLike(node.initializer)) constants.set(node.name.text, node.initializer.text);
        const fn = node.initializer;
        if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) noteParameters(node.name.text, fn.parameters);
      }
      if (ts.isFunctionDeclaration(node) && node.name) noteParameters(node.name.text, node.parameters);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  function noteParameters(name: string, parameters: ts.NodeArray<ts.ParameterDeclaration>) {
    const index = parameters.findIndex((p) => propertyName(p.name) === "action");
    if (index !== -1) actionParameter.set(name, index);
  }

  // Pass 2: the values given as an action.
  const actions = new Map<string, Set<string>>();
  const unresolved: string[] = [];
  for (const file of files) {
    const relative = path.relative(root, file.fileName);
    // Variables of this file (`const action = kind === "activation" ? "…" : "…"`).
    const locals = new Map<string, ts.Expression>();
    const collect = (node: ts.Node): void => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) locals.set(node.name.text, node.initializer);
      ts.forEachChild(node, collect);
    };
    collect(file);
    const where = (node: ts.Node) => `${relative}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText()}`;
    const add = (value: ts.Expression): void => {
      if (ts.isParenthesizedExpression(value)) return add(value.expression);
      if (ts.isStringLiteralLike(value)) {
        const files = actions.get(value.text) ?? new Set<string>();
        actions.set(value.text, files.add(relative));
        return;
      }
      if (ts.isConditionalExpression(value)) {
        add(value.whenTrue);
        add(value.whenFalse);
        return;
      }
      if (ts.isIdentifier(value) && locals.has(value.text)) return add(locals.get(value.text)!);
      if (ts.isIdentifier(value) && constants.has(value.text)) return add(ts.factory.createStringLiteral(constants.get(value.text)!));
      // An `action` parameter handed on: its callers give the value, and are read themselves.
      if (ts.isIdentifier(value) && value.text === "action") return;
      if (ts.isPropertyAccessExpression(value) && value.name.text === "action") return;
      unresolved.push(where(value));
    };
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const named = new Map(node.properties.flatMap((p) => (p.name && propertyName(p.name) ? [[propertyName(p.name)!, p] as const] : [])));
        const action = named.get("action");
        // Schemas (`{ actor: Type.String(), action: Printable(…) }`) describe entries and queries, not
        // write them: their values are calls of `Type.…` or of a PascalCase schema helper.
        const isSchema = [action, named.get("actor")].some(
          (p) => p && ts.isPropertyAssignment(p) && ts.isCallExpression(p.initializer) && /^(Type\.|[A-Z])/.test(p.initializer.expression.getText()),
        );
        if (action && named.has("actor") && !isSchema) {
          if (ts.isPropertyAssignment(action)) add(action.initializer);
          else if (!ts.isShorthandPropertyAssignment(action)) unresolved.push(where(action));
        }
      }
      if (ts.isCallExpression(node)) {
        const name = calledName(node);
        const index = name === null ? undefined : actionParameter.get(name);
        const argument = index === undefined ? undefined : node.arguments[index];
        if (argument) add(argument);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { actions, unresolved };
}
