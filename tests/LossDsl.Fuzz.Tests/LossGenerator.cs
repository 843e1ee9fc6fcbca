namespace LossDsl.Fuzz.Tests;

/// <summary>Builds random <see cref="LossCase"/>s from a seed (FsCheck supplies the seed and the size) and shrinks them.</summary>
public static class RandomLosses
{
    private static readonly double[] Constants = { 0, 0.5, 1, 2, 3, -1, 0.25, 1.5, -2.5, 0.1 };
    private static readonly string[] Comparisons = { "<", "<=", ">", ">=", "==", "!=" };

    public static LossCase Build(int seed, int size)
    {
        var random = new Random(seed);
        bool isDouble = random.Next(4) != 0; // mostly double: finite differences need the precision
        int depth = 1 + Math.Min(5, size / 8);
        var locals = new Node[random.Next(3)];
        for (int i = 0; i < locals.Length; i++) locals[i] = Expression(random, depth - 1, i, allowHelper: true);
        Node body = Expression(random, depth, locals.Length, allowHelper: true);
        bool ifReturn = random.Next(3) == 0;
        if (ifReturn && body is not Cond) body = RandomCond(random, depth, locals.Length, true);
        Node helper = Expression(random, 2, 0, allowHelper: false);
        return new LossCase(isDouble, locals, body, ifReturn, helper);
    }

    private static Node Leaf(Random random, int locals) => random.Next(10) switch
    {
        0 or 1 or 2 => new Var("x"),
        3 or 4 => new Var("y"),
        5 => new Var("k"),
        6 when locals > 0 => new Var("v" + random.Next(locals)),
        _ => new Num(Constants[random.Next(Constants.Length)]),
    };

    /// <summary>A random expression over x, y and k without locals or helper calls (a row loss renames them).</summary>
    public static Node Expression(Random random, int depth) => Expression(random, depth, 0, allowHelper: false);

    private static Node Expression(Random random, int depth, int locals, bool allowHelper)
    {
        if (depth <= 0 || random.Next(6) == 0) return Leaf(random, locals);
        Node Sub() => Expression(random, depth - 1, locals, allowHelper);
        switch (random.Next(16))
        {
            case 0 or 1 or 2 or 3:
                return new Bin("+-*/"[random.Next(4)], Sub(), Sub());
            case 4:
                return new Neg(Sub());
            case 5 or 6 or 7 or 8 or 9:
                return new Fn(Spellings.Unary[random.Next(Spellings.Unary.Length)], random.Next(4), [Sub()]);
            case 10 or 11:
                return new Fn(Spellings.Binary[random.Next(Spellings.Binary.Length)], random.Next(4), [Sub(), Sub()]);
            case 12:
                double low = Constants[random.Next(Constants.Length)];
                return new Fn("Clamp", random.Next(4), [Sub(), new Num(low), new Num(low + 1 + random.Next(3))]);
            case 13 or 14:
                return RandomCond(random, depth, locals, allowHelper);
            default:
                return allowHelper ? new CallHelper(Sub()) : Leaf(random, locals);
        }
    }

    private static Cond RandomCond(Random random, int depth, int locals, bool allowHelper)
    {
        Node Sub() => Expression(random, depth - 1, locals, allowHelper);
        return new Cond(Comparisons[random.Next(Comparisons.Length)], Sub(), Sub(), random.Next(4), Sub(), Sub());
    }

    /// <summary>Simpler cases: each subtree in place of its parent, constants in place of subtrees, fewer features.</summary>
    public static IEnumerable<LossCase> Shrink(LossCase c)
    {
        if (c.IfReturn) yield return c with { IfReturn = false };
        if (c.Helper is not Var) yield return c with { Helper = new Var("u") };
        for (int i = 0; i < c.Locals.Length; i++)
        {
            if (c.Locals[i] is Num) continue;
            var locals = (Node[])c.Locals.Clone();
            locals[i] = new Num(1);
            yield return c with { Locals = locals };
        }
        foreach (Node body in Shrink(c.Body))
        {
            if (c.IfReturn && body is not Cond) continue;
            yield return c with { Body = body };
        }
        if (!c.IsDouble) yield return c with { IsDouble = true };
    }

    public static IEnumerable<Node> Shrink(Node node)
    {
        if (node is Num { Value: 1 }) yield break;
        if (node is not Num && node is not Var) yield return new Num(1);
        foreach (Node child in node.Children) yield return child;
        switch (node)
        {
            case Bin b:
                foreach (Node s in Shrink(b.Left)) yield return b with { Left = s };
                foreach (Node s in Shrink(b.Right)) yield return b with { Right = s };
                break;
            case Neg n:
                foreach (Node s in Shrink(n.Operand)) yield return n with { Operand = s };
                break;
            case Fn f:
                if (f.Spelling != 0) yield return f with { Spelling = 0 };
                for (int i = 0; i < f.Args.Length; i++)
                {
                    foreach (Node s in Shrink(f.Args[i]))
                    {
                        var args = (Node[])f.Args.Clone();
                        args[i] = s;
                        yield return f with { Args = args };
                    }
                }
                break;
            case Cond c:
                if (c.Logic != 0) yield return c with { Logic = 0 };
                foreach (Node s in Shrink(c.WhenTrue)) yield return c with { WhenTrue = s };
                foreach (Node s in Shrink(c.WhenFalse)) yield return c with { WhenFalse = s };
                foreach (Node s in Shrink(c.Left)) yield return c with { Left = s };
                foreach (Node s in Shrink(c.Right)) yield return c with { Right = s };
                break;
            case CallHelper h:
                foreach (Node s in Shrink(h.Argument)) yield return h with { Argument = s };
                break;
        }
    }
}
