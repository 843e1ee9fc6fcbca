using System.Globalization;
using System.Text;

namespace LossDsl.Fuzz.Tests;

/// <summary>A random, well-formed loss body: the language of DSL.md §1 as a small tree that renders to C#.</summary>
public abstract record Node
{
    public abstract IEnumerable<Node> Children { get; }
}

public sealed record Num(double Value) : Node { public override IEnumerable<Node> Children => []; }

/// <summary>x (differentiated), y (an input), k (a hyperparameter, default 1.5), or a local v0, v1, …</summary>
public sealed record Var(string Name) : Node { public override IEnumerable<Node> Children => []; }

public sealed record Bin(char Op, Node Left, Node Right) : Node { public override IEnumerable<Node> Children => [Left, Right]; }

public sealed record Neg(Node Operand) : Node { public override IEnumerable<Node> Children => [Operand]; }

/// <summary>A language function; <see cref="Spelling"/> picks LossMath, Math/MathF or float./double.</summary>
public sealed record Fn(string Name, int Spelling, Node[] Args) : Node
{
    public override IEnumerable<Node> Children => Args;

    public bool Equals(Fn? other) => other is not null && Name == other.Name && Spelling == other.Spelling && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Name, Spelling, Args.Length);
}

/// <summary><c>(Left cmp Right [&amp;&amp;|‖ extra]) ? WhenTrue : WhenFalse</c>.</summary>
public sealed record Cond(string Compare, Node Left, Node Right, int Logic, Node WhenTrue, Node WhenFalse) : Node
{
    public override IEnumerable<Node> Children => [Left, Right, WhenTrue, WhenFalse];
}

/// <summary>A call to the case's [Differentiable] helper H(u).</summary>
public sealed record CallHelper(Node Argument) : Node { public override IEnumerable<Node> Children => [Argument]; }

/// <summary>
/// One random loss: locals, a body (an if-return chain when <see cref="IfReturn"/> and the body is a
/// condition), and the helper H's body over u.
/// </summary>
public sealed record LossCase(bool IsDouble, Node[] Locals, Node Body, bool IfReturn, Node Helper)
{
    public bool Equals(LossCase? other) => other is not null && IsDouble == other.IsDouble && IfReturn == other.IfReturn
        && Locals.SequenceEqual(other.Locals) && Body.Equals(other.Body) && Helper.Equals(other.Helper);

    public override int GetHashCode() => HashCode.Combine(IsDouble, Locals.Length, Body);

    public string T => IsDouble ? "double" : "float";

    public string Literal(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.') && !text.Contains('E')) text += ".0";
        return IsDouble ? text : text + "f";
    }

    /// <summary>The C# of a partial class holding H and the [Loss] method M.</summary>
    public string Render(string className)
    {
        var source = new StringBuilder();
        source.Append($"public static partial class {className}\n{{\n");
        source.Append($"    [Differentiable] public static {T} H({T} u) => {Expr(Helper, "u")};\n");
        source.Append($"    [Loss] public static {T} M({T} x, {T} y, [Hyper] {T} k = {Literal(1.5)})\n    {{\n");
        for (int i = 0; i < Locals.Length; i++) source.Append($"        var v{i} = {Expr(Locals[i], null)};\n");
        if (IfReturn && Body is Cond c)
        {
            source.Append($"        if ({Condition(c, name => name, helperCalls: true)}) return {Expr(c.WhenTrue, null)};\n");
            source.Append($"        return {Expr(c.WhenFalse, null)};\n");
        }
        else
        {
            source.Append($"        return {Expr(Body, null)};\n");
        }
        source.Append("    }\n}\n");
        return source.ToString();
    }

    // In the helper, every variable is u.
    private string Expr(Node node, string? only) => Expr(node, only is null ? name => name : _ => only, helperCalls: only is null);

    /// <summary>The C# of an expression tree, each variable renamed by <paramref name="name"/>; without <paramref name="helperCalls"/> a call to H is its argument.</summary>
    public string Expr(Node node, Func<string, string> name, bool helperCalls = false) => node switch
    {
        Num n => n.Value < 0 ? $"({Literal(n.Value)})" : Literal(n.Value),
        Var v => name(v.Name),
        Bin b => $"({Expr(b.Left, name, helperCalls)} {b.Op} {Expr(b.Right, name, helperCalls)})",
        Neg n => $"(-{Expr(n.Operand, name, helperCalls)})",
        Fn f => Function(f, name, helperCalls),
        Cond c => $"({Condition(c, name, helperCalls)} ? {Expr(c.WhenTrue, name, helperCalls)} : {Expr(c.WhenFalse, name, helperCalls)})",
        CallHelper h => helperCalls ? $"H({Expr(h.Argument, name, helperCalls)})" : Expr(h.Argument, name, helperCalls),
        _ => throw new InvalidOperationException(),
    };

    private string Condition(Cond c, Func<string, string> name, bool helperCalls)
    {
        string basic = $"{Expr(c.Left, name, helperCalls)} {c.Compare} {Expr(c.Right, name, helperCalls)}";
        return c.Logic switch
        {
            1 => $"({basic} && {Expr(c.Right, name, helperCalls)} < {Literal(0.5)})",
            2 => $"({basic} || {Expr(c.Left, name, helperCalls)} == {Literal(0)})",
            3 => $"!({basic})",
            _ => basic,
        };
    }

    private string Function(Fn f, Func<string, string> name, bool helperCalls)
    {
        string args = string.Join(", ", f.Args.Select(a => Expr(a, name, helperCalls)));
        string host = Spellings.Host(f.Name, f.Spelling, IsDouble);
        string function = host.EndsWith("LogP1", StringComparison.Ordinal) || host.EndsWith("ExpM1", StringComparison.Ordinal) ? host : host + f.Name;
        return $"{function}({args})";
    }
}

/// <summary>Which spellings each function has: LossMath (all), Math/MathF and float./double. (some).</summary>
public static class Spellings
{
    public static readonly string[] Unary = { "Abs", "Sign", "Exp", "Log", "Log1p", "Expm1", "Sqrt", "Square", "Sigmoid", "Softplus", "LogSigmoid", "Tanh", "LogCosh" };
    public static readonly string[] Binary = { "Max", "Min", "Pow" };

    private static readonly HashSet<string> InSystemMath = new() { "Abs", "Exp", "Log", "Sqrt", "Max", "Min", "Pow", "Tanh" };

    /// <summary>The prefix to put before the name ("" means LossMath via using static).</summary>
    public static string Host(string name, int spelling, bool isDouble)
    {
        string type = isDouble ? "double" : "float";
        switch (spelling % 4)
        {
            case 1 when InSystemMath.Contains(name): return isDouble ? "Math." : "MathF.";
            case 2 when InSystemMath.Contains(name): return type + ".";
            case 3 when name == "Log1p": return type + ".LogP1";
            case 3 when name == "Expm1": return type + ".ExpM1";
            case 3: return "LossMath.";
            default: return "";
        }
    }
}
