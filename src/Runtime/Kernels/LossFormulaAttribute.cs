using System;
using System.ComponentModel;

namespace LossDsl.Kernels;

/// <summary>
/// Written by the generator on each generated loss class: the loss body in the generator's serialized
/// expression form, so [Loss] methods of a referenced assembly (such as <see cref="Losses"/>) can be
/// inlined into a user's own losses without their source.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class LossFormulaAttribute(string parameters, string body) : Attribute
{
    /// <summary>The method's parameter names, comma-separated, in declaration order.</summary>
    public string Parameters { get; } = parameters;

    /// <summary>The body in prefix form (see the generator's ExprSerializer).</summary>
    public string Body { get; } = body;
}
