using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossDsl.Analyzers.Ranges;
using LossDsl.Generator.Model;
using LossDsl.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace LossDsl.Analyzers.Hazards;

/// <summary>
/// Follows the translation of one method and gives each source operation a range, then asks
/// <see cref="StabilityRules"/> about it. Each range is the intersection of two sound ones: the source
/// structure as written (<c>p·(1-t) + (1-p)·t</c> stays ≥ 0, which its expanded normal form cannot show) and the
/// translated expression under its branch conditions (which sees through locals and knows <c>r·r</c> ≥ 0).
/// </summary>
internal sealed class OperationRanges : ITranslationObserver
{
    private readonly Func<string, Interval?> _parameters;
    private readonly Dictionary<PathCondition, RangeAnalysis> _byPath = new();
    private readonly RangeAnalysis _unconditional;
    private readonly Dictionary<IOperation, (Expr Value, Interval Range)> _seen = new();
    private readonly Dictionary<ILocalSymbol, Interval> _locals = new(SymbolEqualityComparer.Default);
    private readonly HashSet<(IOperation, Absorbed)> _absorbed = new();
    private readonly List<Hazard> _hazards = new();

    public OperationRanges(FloatingType type, Func<string, Interval?> parameters, Func<string, bool> isDifferentiated)
    {
        Type = type;
        _parameters = parameters;
        _isDifferentiated = isDifferentiated;
        _unconditional = new RangeAnalysis(parameters, type);
    }

    public FloatingType Type { get; }

    private readonly Func<string, bool> _isDifferentiated;

    /// <summary>Whether a gradient flows through <paramref name="value"/>: it reads a symbol the loss is differentiated by.</summary>
    public bool DependsOnDifferentiated(Expr value) => value.Contains(e => e is Symbol s && _isDifferentiated(s.Name));

    /// <summary>The range analysis under the conditions of the operation being observed.</summary>
    public RangeAnalysis Current { get; private set; } = null!;

    public void OnValue(IOperation operation, Expr value, PathCondition? path, IOperation? callSite)
    {
        // An inlined body is analyzed as its own method, with its stated ranges; its call is checked by LD2010.
        // Here only its result matters, which the call's translated value already carries.
        if (callSite is not null) return;
        Current = RangesUnder(path);
        if (value.IsBoolean) return;
        Interval range = Current.Of(value);
        if (FromSource(operation) is { } written) range = Combine(range, written);
        _seen[operation] = (value, range);
        if (operation.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            _locals[declarator.Symbol] = range;
        }
        MarkAbsorbed(operation);
        _hazards.AddRange(StabilityRules.Check(operation, this));
    }

    public Interval RangeOf(IOperation operation) => _seen.TryGetValue(operation, out var seen) ? seen.Range : Interval.All;

    public Expr? ValueOf(IOperation operation) => _seen.TryGetValue(operation, out var seen) ? seen.Value : null;

    /// <summary>Whether the operation can be exactly 0 (a range containing 0 and no 'x != 0' guard).</summary>
    public bool CanBeZero(IOperation operation) =>
        RangeOf(operation).Contains(0) && (ValueOf(operation) is not { } value || Current.CanBeZero(value));

    /// <summary>The findings, less those a Max/Min/Clamp around them cuts off and those a wider finding covers.</summary>
    public List<Hazard> Finish()
    {
        var covered = new HashSet<IOperation>(_hazards.SelectMany(h => h.Covers));
        return _hazards
            .Where(h => !covered.Contains(h.Operation) && !(h.AbsorbedBy != Absorbed.Never && _absorbed.Contains((h.Operation, h.AbsorbedBy))))
            .ToList();
    }

    // Both views are sound, so their intersection is; but a constant the simplifier folded in double and the
    // source's float-rounded one are two different points, whose intersection is empty: then keep both.
    private static Interval Combine(Interval translated, Interval written)
    {
        Interval both = translated.Intersect(written);
        return both.IsEmpty && !translated.IsEmpty && !written.IsEmpty ? translated.Union(written) : both;
    }

    private RangeAnalysis RangesUnder(PathCondition? path)
    {
        if (path is null) return _unconditional;
        if (!_byPath.TryGetValue(path, out RangeAnalysis? ranges))
        {
            ranges = new RangeAnalysis(_parameters, Type, path);
            _byPath[path] = ranges;
        }
        return ranges;
    }

    // The range from the operands' ranges, following the source as written.
    private Interval? FromSource(IOperation operation)
    {
        switch (operation)
        {
            case IBinaryOperation binary:
            {
                Interval left = RangeOf(binary.LeftOperand), right = RangeOf(binary.RightOperand);
                return binary.OperatorKind switch
                {
                    BinaryOperatorKind.Add => left + right,
                    BinaryOperatorKind.Subtract => left + -right,
                    BinaryOperatorKind.Multiply => left * right,
                    BinaryOperatorKind.Divide => left * right.Reciprocal(),
                    _ => null,
                };
            }
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } negation:
                return -RangeOf(negation.Operand);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus } plus:
                return RangeOf(plus.Operand);
            case IConversionOperation conversion:
                return RangeOf(conversion.Operand);
            case ILocalReferenceOperation local:
                return _locals.TryGetValue(local.Local, out Interval declared) ? declared : null;
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return RangeOf(conditional.WhenTrue).Union(RangeOf(whenFalse));
            case IInvocationOperation invocation when LanguageFunctions.TryRecognize(invocation.TargetMethod, out var shape, out Function function):
            {
                Interval[] args = OperationPatterns.Arguments(invocation).Select(RangeOf).ToArray();
                return shape switch
                {
                    LanguageFunctions.Shape.Square => FunctionRanges.Power(args[0], Interval.Point(2), Type),
                    LanguageFunctions.Shape.Pow => FunctionRanges.Power(args[0], args[1], Type),
                    _ => FunctionRanges.Apply(function, args, Type),
                };
            }
            default:
                return null;
        }
    }

    // Max(x, finite) cuts x's -∞ off, Min(x, finite) its +∞, Clamp both: findings of that kind at x are harmless
    // (the derivative there is the other branch's, see the Differentiator).
    private void MarkAbsorbed(IOperation operation)
    {
        if (OperationPatterns.Unwrap(operation) is not IInvocationOperation invocation
            || !LanguageFunctions.TryRecognize(invocation.TargetMethod, out LanguageFunctions.Shape shape, out Function function)
            || shape != LanguageFunctions.Shape.Function)
        {
            return;
        }
        ImmutableArray<IOperation> args = OperationPatterns.Arguments(invocation);
        switch (function)
        {
            case Function.Max:
                if (!double.IsInfinity(RangeOf(args[1]).Lo)) Absorb(args[0], Absorbed.ByLowerBound);
                if (!double.IsInfinity(RangeOf(args[0]).Lo)) Absorb(args[1], Absorbed.ByLowerBound);
                break;
            case Function.Min:
                if (!double.IsInfinity(RangeOf(args[1]).Hi)) Absorb(args[0], Absorbed.ByUpperBound);
                if (!double.IsInfinity(RangeOf(args[0]).Hi)) Absorb(args[1], Absorbed.ByUpperBound);
                break;
            case Function.Clamp:
                if (!double.IsInfinity(RangeOf(args[1]).Lo)) Absorb(args[0], Absorbed.ByLowerBound);
                if (!double.IsInfinity(RangeOf(args[2]).Hi)) Absorb(args[0], Absorbed.ByUpperBound);
                break;
        }
    }

    private void Absorb(IOperation operand, Absorbed side)
    {
        for (IOperation op = operand; ; op = ((IConversionOperation)op).Operand)
        {
            _absorbed.Add((op, side));
            if (op is not IConversionOperation) break;
        }
    }
}
