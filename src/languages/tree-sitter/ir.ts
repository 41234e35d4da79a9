/**
 * A small language-neutral syntax tree. Each tree-sitter language lowers its concrete tree into it
 * (src/languages/<lang>/lower.ts) and one analyzer (./analysis/) derives the facts from it, so
 * Python, C#, Java, PHP and PowerShell share one flow engine and differ only in lowering and in
 * their library tables. Only what the analysis needs is modelled; anything else lowers to `other`
 * with its children kept, so values and strings inside it are still seen.
 */
import type { Span } from '../../types.js';

export type Expr =
  /** A variable, parameter, function or type name as written, without sigils (`$x` → `x`). `this`/`self`/`$this` lower to `this`. */
  | { k: 'name'; name: string; span: Span }
  /** A string literal's value (escapes resolved where cheap); `regex` when written as a regex literal (PS `-match` right side is a plain string). */
  | { k: 'string'; value: string; span: Span }
  /** An interpolated string (f'…', "$x", $"…{x}"): literal pieces and embedded expressions, in order. */
  | { k: 'template'; parts: Expr[]; span: Span }
  | { k: 'number'; text: string; span: Span }
  | { k: 'bool'; value: boolean; span: Span }
  | { k: 'null'; span: Span }
  /** `a.b`, `$a->b`, `A::b`, `$a.b`, `a?.b`; `name` as written. */
  | { k: 'member'; object: Expr; name: string; span: Span; nameSpan: Span }
  /** `a[i]`, `$a['x']`, `a["x"]`. */
  | { k: 'index'; object: Expr; index: Expr; span: Span }
  /**
   * A call: `f(x)`, `a.f(x)` (callee is a member), `Cmd -Name x` (PowerShell commands: callee is a
   * name, parameters are named args, a piped input is the arg named `|`).
   */
  | { k: 'call'; callee: Expr; args: Arg[]; span: Span; typeArgs?: string[] }
  /** `new T(args) { Init = … }`, `T(args)` is a call. `init` holds object-initializer assignments. */
  | { k: 'new'; type: string; args: Arg[]; init?: Arg[]; span: Span }
  /** A conversion written with a type: `(int)x`, `[int]$x`, `x as int`, `x -as [int]`, `(Integer) x`. */
  | { k: 'cast'; type: string; operand: Expr; span: Span }
  /**
   * A binary operation with the operator normalised: `==` `!=` `<` `>` `<=` `>=` (also PowerShell
   * `-eq` … `-ge`, Python `is`/`is not` as `==`/`!=`), `+ - * / % ** << >> & | ^`, `and`/`or` (&&, ||,
   * PS -and/-or), `??`, `in`/`not in`, `.` (PHP concatenation), `<=>`, `instanceof`, and the PowerShell
   * operators `-match -notmatch -like -notlike -replace -split -contains -in -as` (lower-cased, with their dash).
   */
  | { k: 'binary'; op: string; left: Expr; right: Expr; span: Span }
  /** `-x`, `!x`, `not x`, `x++` (op `++`), `--x`. */
  | { k: 'unary'; op: string; operand: Expr; span: Span }
  /** `x if c else y`, `c ? x : y`. */
  | { k: 'conditional'; condition: Expr; whenTrue: Expr; whenFalse: Expr; span: Span }
  /** A lambda, arrow function, closure, anonymous function or PowerShell script block (`$_` is its parameter `_`). */
  | { k: 'lambda'; params: Param[]; body: Stmt[]; span: Span }
  /** A list, array, tuple or set literal; `kind` tells sets apart (their members are keys). */
  | { k: 'list'; items: Expr[]; span: Span; kind?: 'set' }
  /** A dictionary, associative array, hashtable or anonymous object literal. */
  | { k: 'dict'; entries: { key: Expr; value: Expr }[]; span: Span }
  /** A comprehension or generator: `[f(x) for x in xs if c]`. */
  | { k: 'comprehension'; element: Expr; target: Expr; iterable: Expr; conditions: Expr[]; span: Span; kind?: 'set' | 'dict'; key?: Expr }
  /** A type used as a value: PowerShell `[int]` in `[int]::Parse`, C# `typeof(T)`, a method reference `Session::getLsid`. */
  | { k: 'type'; name: string; span: Span }
  | { k: 'other'; children: Expr[]; span: Span };

export interface Arg {
  /** Keyword or named argument (`key=…`, `name: …`, PowerShell `-Property`), without punctuation. */
  name?: string;
  value: Expr;
  /** C# `out`/`ref` arguments. */
  modifier?: 'out' | 'ref';
}

/** A decorator, C# attribute, Java annotation or PHP attribute: `@XmlRootElement(name = "x")`, `[XmlRoot("x")]`. */
export interface Annotation {
  /** The name as written, without `@` or brackets, and without an `Attribute` suffix: `XmlRoot`, `dataclass`, `JsonProperty`. */
  name: string;
  args: Arg[];
  span: Span;
}

export interface Param {
  name: string;
  span: Span;
  /** The declared type as written (`int`, `Optional[int]`, `long?`, `Integer`). */
  type?: string;
  annotations?: Annotation[];
  default?: Expr;
  /** `*args`, `params T[]`, `...$xs`. */
  rest?: boolean;
}

export type Stmt =
  | { k: 'expr'; expr: Expr; span: Span }
  /**
   * An assignment or declaration: `x = v`, `int x = v;`, `x: int = v`, `$x += 1`, a field or property
   * (`public int Lsid { get; set; }`, `private long lsid;`, `lsid = models.IntegerField()` in a class).
   * Several targets: tuple unpacking (`a, b = …`) or chained `a = b = v` (then `value` goes to each).
   */
  | { k: 'assign'; targets: Expr[]; value?: Expr; op: string; declaredType?: string; annotations?: Annotation[]; span: Span; unpack?: boolean }
  | { k: 'return'; value?: Expr; span: Span }
  | { k: 'function'; name: string; params: Param[]; body: Stmt[]; returnType?: string; annotations?: Annotation[]; span: Span; nameSpan: Span }
  | { k: 'class'; name: string; bases: string[]; annotations?: Annotation[]; body: Stmt[]; span: Span }
  /** `for x in xs`, `foreach ($xs as $k => $x)`, `for (T x : xs)`, `foreach ($x in $xs)`. */
  | { k: 'for'; target: Expr; iterable: Expr; body: Stmt[]; span: Span; key?: Expr }
  /** if/while/try/with/using/switch/…: conditions and headers as `exprs`, nested statements as `body`. */
  | { k: 'block'; exprs: Expr[]; body: Stmt[]; span: Span }
  /** `import x.y`, `from x import y as z`, `using X;`, `use X\\Y;`, `import x.Y;`, `require 'x.php'`, `. ./x.ps1`. */
  | { k: 'import'; module: string; names: { name: string; alias?: string }[]; span: Span };

export interface Program {
  body: Stmt[];
  /** Every string literal, regex and comment-free name in the file, for evidence gathering (lowering fills it). */
  strings: Extract<Expr, { k: 'string' }>[];
  names: { name: string; span: Span }[];
  /** Java's `package a.b;` / C#'s file-scoped or outermost `namespace A.B`: where same-package types live. */
  package?: string;
}
