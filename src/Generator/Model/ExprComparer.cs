using System;
using System.Collections.Generic;

namespace LossDsl.Generator.Model;

/// <summary>
/// A deterministic total order on expressions (never hash-based), used to sort the terms of sums and the
/// factors of products so equal expressions always get the same normal form and generated code is stable.
/// </summary>
internal sealed class ExprComparer : IComparer<Expr>
{
    public static readonly ExprComparer Instance = new();

    public int Compare(Expr? x, Expr? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int byRank = Rank(x.Kind).CompareTo(Rank(y.Kind));
        if (byRank != 0) return byRank;
        int byData = x switch
        {
            Constant a => a.Value.CompareTo(((Constant)y).Value),
            BoolConstant a => a.Value.CompareTo(((BoolConstant)y).Value),
            Symbol a => string.CompareOrdinal(a.Name, ((Symbol)y).Name),
            Call a => a.Function.CompareTo(((Call)y).Function),
            Compare a => a.Op.CompareTo(((Compare)y).Op),
            Logic a => a.Op.CompareTo(((Logic)y).Op),
            _ => 0,
        };
        if (byData != 0) return byData;
        int count = Math.Min(x.Children.Length, y.Children.Length);
        for (int i = 0; i < count; i++)
        {
            int byChild = Compare(x.Children[i], y.Children[i]);
            if (byChild != 0) return byChild;
        }
        return x.Children.Length.CompareTo(y.Children.Length);
    }

    // Symbols before the compound forms that contain them, so sums read "x + exp(x)".
    private static int Rank(ExprKind kind) => kind switch
    {
        ExprKind.Constant => 0,
        ExprKind.Bool => 1,
        ExprKind.Symbol => 2,
        ExprKind.Power => 3,
        ExprKind.Product => 4,
        ExprKind.Call => 5,
        ExprKind.Sum => 6,
        ExprKind.Select => 7,
        ExprKind.Compare => 8,
        _ => 9,
    };
}
