namespace LossDsl.Generator.Diagnostics;

/// <summary>
/// Diagnostic IDs, in stable blocks, never reused: LD1xxx generator input, LD2xxx numerical-stability
/// analyzers, LD9xxx internal failures.
/// </summary>
internal static class DiagnosticIds
{
    public const string LossNotStatic = "LD1001";
    public const string ContainingTypeNotPartial = "LD1002";
    public const string UnsupportedReturnType = "LD1003";
    public const string UnsupportedParameterType = "LD1004";
    public const string WrtAndHyper = "LD1005";
    public const string NoElementInput = "LD1006";
    public const string ParameterModifier = "LD1007";
    public const string UnsupportedStatement = "LD1008";
    public const string Mutation = "LD1009";
    public const string UnknownCall = "LD1010";
    public const string RecursiveInlining = "LD1011";
    public const string UnsupportedOperator = "LD1012";
    public const string UnsupportedExpression = "LD1013";
    public const string MissingReturn = "LD1014";
    public const string NotInlinable = "LD1015";
    public const string GenericLoss = "LD1016";
    public const string ReservedName = "LD1017";
    public const string RowLossParameter = "LD1018";
    public const string RowUsage = "LD1019";
    public const string WrtUnused = "LD1050";

    // Numerical-stability analyzers (src/Analyzers): warnings with code fixes.
    public const string LogOfNonPositive = "LD2001";
    public const string ExpOverflow = "LD2002";
    public const string PreferLog1p = "LD2003";
    public const string PreferExpm1 = "LD2004";
    public const string SqrtOfNegative = "LD2005";
    public const string PowSingularity = "LD2006";
    public const string DivisionByZero = "LD2007";
    public const string GradientSingularity = "LD2008";
    public const string ContradictoryRange = "LD2009";
    public const string ArgumentOutsideStatedRange = "LD2010";
    public const string InaccurateKernel = "LD2011"; // the accuracy certificate, reported by the analyzers
    public const string InternalError = "LD9001";
}
