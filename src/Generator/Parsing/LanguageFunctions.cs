using System.Collections.Generic;
using LossDsl.Generator.Model;
using Microsoft.CodeAnalysis;

namespace LossDsl.Generator.Parsing;

/// <summary>
/// Recognizes the loss-language functions in their spellings: LossMath, Math, MathF, float./double., and in a
/// generic loss T.F (the System.Numerics interface members, e.g. IExponentialFunctions&lt;T&gt;.Exp).
/// </summary>
internal static class LanguageFunctions
{
    /// <summary>What a recognized call becomes.</summary>
    public enum Shape { Function, Square, Pow }

    private static readonly HashSet<string> Hosts = new()
    {
        "LossDsl.LossMath", "System.Math", "System.MathF", "float", "double",
    };

    private static readonly Dictionary<string, Function> ByName = new()
    {
        ["Abs"] = Function.Abs,
        ["Sign"] = Function.Sign,
        ["Exp"] = Function.Exp,
        ["Log"] = Function.Log,
        ["Log1p"] = Function.Log1p,
        ["LogP1"] = Function.Log1p, // float.LogP1 / double.LogP1
        ["Expm1"] = Function.Expm1,
        ["ExpM1"] = Function.Expm1, // float.ExpM1 / double.ExpM1
        ["Sqrt"] = Function.Sqrt,
        ["Max"] = Function.Max,
        ["Min"] = Function.Min,
        ["Clamp"] = Function.Clamp,
        ["Sigmoid"] = Function.Sigmoid,
        ["Softplus"] = Function.Softplus,
        ["LogSigmoid"] = Function.LogSigmoid,
        ["Tanh"] = Function.Tanh,
        ["LogCosh"] = Function.LogCosh,
    };

    public static bool TryRecognize(IMethodSymbol method, out Shape shape, out Function function)
    {
        shape = Shape.Function;
        function = default;
        if (!Hosts.Contains(method.ContainingType.ToDisplayString()) && !GenericMath.IsInterfaceMember(method)) return false;
        int arity = method.Parameters.Length;
        switch (method.Name)
        {
            case "Square" when arity == 1:
                shape = Shape.Square;
                return true;
            case "Pow" when arity == 2:
                shape = Shape.Pow;
                return true;
        }
        return ByName.TryGetValue(method.Name, out function) && function.Arity() == arity;
    }
}
