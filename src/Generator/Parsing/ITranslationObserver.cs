using LossDsl.Generator.Model;
using Microsoft.CodeAnalysis;

namespace LossDsl.Generator.Parsing;

/// <summary>
/// Sees every value <see cref="BodyTranslator"/> translates, operands before the operations that use them:
/// the stability analyzers read ranges and hazards off the source operations this way, with the same
/// translation (locals, inlining, overloads) the generator compiles.
/// </summary>
internal interface ITranslationObserver
{
    /// <param name="operation">The source operation (in the analyzed method, or in a method it inlines).</param>
    /// <param name="value">Its translation, with locals substituted and inlined calls expanded.</param>
    /// <param name="path">The branch conditions under which it is evaluated (null: none).</param>
    /// <param name="callSite">Null in the analyzed method's own body; inside an inlined method, the call in the
    /// analyzed method's body that led there.</param>
    void OnValue(IOperation operation, Expr value, PathCondition? path, IOperation? callSite);
}
