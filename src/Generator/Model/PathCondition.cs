namespace LossDsl.Generator.Model;

/// <summary>
/// The branch conditions that hold where an expression is evaluated, innermost first: in
/// <c>x &gt; 0 ? Log(x) : 0</c> the <c>Log(x)</c> sits under (x &gt; 0, holds). An immutable list, shared by
/// everything under the same branches.
/// </summary>
internal sealed class PathCondition
{
    public PathCondition(Expr condition, bool holds, PathCondition? outer)
    {
        Condition = condition;
        Holds = holds;
        Outer = outer;
    }

    public Expr Condition { get; }

    /// <summary>True under the condition's true branch, false under its false branch.</summary>
    public bool Holds { get; }

    public PathCondition? Outer { get; }
}
