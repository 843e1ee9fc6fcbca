using static LossDsl.Analyzers.Tests.Infrastructure.Verify;

namespace LossDsl.Analyzers.Tests;

/// <summary>
/// Each rule: what triggers it (the exact span, in markup) and near misses that must not. That a #pragma silences
/// each finding is checked by the testing framework in every test.
/// </summary>
public class RuleTests
{
    public static TheoryData<string, string> Triggers => new()
    {
        // Textbook BCE on probabilities: both logs.
        { "LD2001", "[Loss] public static float A(float p, float y) => -(y * {|LD2001:Log(p)|} + (1 - y) * {|LD2001:Log(1 - p)|});" },
        // BCE through a sigmoid: float Sigmoid reaches exactly 0 and 1.
        { "LD2001", "[Loss] public static float A(float z, [Domain(Min = 0, Max = 1)] float y) => -(y * {|LD2001:Log(Sigmoid(z))|} + (1 - y) * {|LD2001:Log(1 - Sigmoid(z))|});" },
        { "LD2001", "[Loss] public static float A(float x, float y) => {|LD2001:Log1p(x - y)|};" },
        { "LD2002", "[Loss] public static float A(float x, float y) => {|LD2002:Log(1 + Exp(x))|} - y * x;" },
        { "LD2002", "[Loss] public static float A(float x, float y) => Square({|LD2002:Exp(x) / (1 + Exp(x))|} - y);" },
        { "LD2002", "[Loss] public static float A(float x, float y) => Square({|LD2002:1 / (1 + Exp(-x))|} - y);" },
        { "LD2002", "[Loss] public static float A(float a, float b) => {|LD2002:Log(Exp(a) + Exp(b))|} - a;" },
        { "LD2002", "[Loss] public static double A(double x, double y) => {|LD2002:Exp(x)|} - y * x;" },
        { "LD2003", "[Loss] public static float A(float x, float y) => {|LD2003:Log(1 + x * x)|} * y;" },
        { "LD2004", "[Loss] public static float A(float x, float y) => Square({|LD2004:Exp(x) - 1|} - y);" },
        { "LD2004", "[Loss] public static float A(float x, float y) => {|LD2004:1 - Exp(-Square(x - y))|};" },
        { "LD2005", "[Loss] public static float A(float x, float y) => {|LD2005:Sqrt(x - y)|};" },
        // The focal loss with an unconstrained gamma: 0 to a negative power, and a negative base.
        { "LD2006", "[Loss] public static float A(float x, float y, [Hyper] float gamma = 2f) { float p = Sigmoid(x); float pt = p * y + (1 - p) * (1 - y); return -{|LD2006:Pow(1 - pt, gamma)|} * Log(Max(pt, 1e-7f)); }" },
        { "LD2006", "[Loss] public static float A(float x, float y) => {|LD2006:Pow(x, 0.5f)|} * y;" },
        { "LD2007", "[Loss] public static float A(float x, float y, [Hyper] float scale = 1f) => Square({|LD2007:(x - y) / scale|});" },
        // Stated domains are the caller's obligation, also for callees in another assembly.
        { "LD2010", "[Loss] public static float A(float x, [Domain(Min = 0, Max = 1)] float y) => Losses.Bce({|LD2010:x|}, y);" },
        { "LD2010", "[Loss] public static float A(float x, [Domain(Min = 0, Max = 1)] float y) => Losses.SigmoidFocal(x, y, 0.25f, {|LD2010:0.5f|});" },
        { "LD2010", "[Differentiable] public static float H([Domain(Min = 0)] float v) => Sqrt(v); [Loss] public static float A(float x, float y) => H({|LD2010:x - y|});" },
        // Gradient-only: the value is |r|, the derivative r/|r| is 0/0 at r = 0.
        { "LD2008", "[Loss] public static float A(float x, float y) => {|LD2008:Sqrt(Square(x - y))|};" },
        { "LD2008", "[Loss] public static float A([Wrt(Min = 0)] float x, float y) => {|LD2008:Pow(x, 0.5f)|} - y;" },
        { "LD2008", "[Loss] public static float A(float x, float y, [Hyper(Min = 0.5)] float gamma = 2f) => {|LD2008:Pow(Sigmoid(x), gamma)|} * y;" },
        // Hessian-only: for 1 ≤ γ < 2 the gradient is finite at 0 but γ(γ-1)·p^(γ-2) is not.
        { "LD2008", "[Loss] public static float A(float x, float y, [Hyper(Min = 1)] float gamma = 2f) => {|LD2008:Pow(Sigmoid(x), gamma)|} * y;" },
        { "LD2008", "[Loss] public static float A([Wrt(Min = 0)] float x, float y) => {|LD2008:Pow(x, 1.5f)|} * y;" },
        // The exponent is always 1, but not a constant to the generator: its Hessian keeps e(e-1)·x^(e-2) = 0·∞ at 0 (found by fuzzing).
        { "LD2008", "[Loss] public static double A(double x, double y) => {|LD2008:Math.Pow(x, Max(1.0, Sign(x)))|} * y;" },
    };

    [Theory]
    [MemberData(nameof(Triggers))]
    public Task Rule_triggers_at_the_exact_span(string id, string markup) => AnalyzeAsync(InClass(markup), only: id);

    public static TheoryData<string, string> NearMisses => new()
    {
        { "LD2001", "[Loss] public static float A(float p, float y) => -y * Log(Max(p, 1e-7f));" },
        { "LD2001", "[Loss] public static float A(float p, float y) => p > 0 ? -y * Log(p) : 0f;" },
        { "LD2001", "[Loss] public static float A(float p, float y) { if (p <= 0) return 0f; return -y * Log(p); }" },
        { "LD2001", "[Loss] public static float A([Wrt(Min = 1e-6, Max = 1)] float p, float y) => -y * Log(p);" },
        { "LD2001", "[Loss] public static float A([Wrt(Min = 0, Max = 1)] float p, float y) => -y * Max(Log(p), -100f);" },
        { "LD2001", "[Loss] public static float A(float z, float y) => -y * LogSigmoid(z) + Log(1 + Sigmoid(z));" },
        { "LD2001", "[Loss] public static float A(float x, float y) => Log(x * x + 1e-6f) * y;" },
        { "LD2002", "[Loss] public static float A(float x, float y) => Softplus(x) - y * x;" },
        { "LD2002", "[Loss] public static float A(float x, float y) => Exp(-Abs(x)) * y;" },
        { "LD2002", "[Loss] public static float A([Wrt(Max = 80)] float x, float y) => Exp(x) - y * x;" },
        { "LD2002", "[Loss] public static float A(float x, float y) => Exp(Min(x, 80f)) - y * x;" },
        { "LD2002", "[Loss] public static float A(float x, float y) => Min(Exp(x), 1e6f) - y * x;" },
        { "LD2002", "[Loss] public static float A(float x, float y) => Exp(Tanh(x)) * y;" },
        { "LD2003", "[Loss] public static float A(float x, float y) => Log1p(x * x) * y;" },
        { "LD2003", "[Loss] public static float A(float x, float y) => Log(2 + x * x) * y;" },
        { "LD2003", "[Loss] public static float A([Wrt(Min = 5)] float x, float y) => Log(1 + x) * y;" },
        { "LD2004", "[Loss] public static float A(float x, float y) => Square(Expm1(Tanh(x)) - y);" },
        { "LD2004", "[Loss] public static float A([Wrt(Min = 2, Max = 50)] float x, float y) => Square(Exp(x) - 1 - y);" },
        { "LD2005", "[Loss] public static float A(float x, float y) => Sqrt(x * x + 1) - y;" },
        { "LD2005", "[Loss] public static float A(float x, float y) => Sqrt(Abs(x - y) + 1e-6f);" },
        { "LD2006", "[Loss] public static float A(float x, [Domain(Min = 0, Max = 1)] float y, [Hyper(Min = 1)] float gamma = 2f) { float p = Sigmoid(x); float miss = p * (1 - y) + (1 - p) * y; return Pow(miss, gamma) * Softplus(-x); }" },
        { "LD2006", "[Loss] public static float A(float x, float y) => Pow(x - y, 3) + Pow(x, -2f + 4f);" },
        { "LD2007", "[Loss] public static float A(float x, float y, [Hyper(Min = 1e-6)] float scale = 1f) => Square((x - y) / scale);" },
        { "LD2007", "[Loss] public static float A(float x, float y, [Hyper] float scale = 1f) => scale != 0 ? Square((x - y) / scale) : 0f;" },
        { "LD2007", "[Loss] public static float A(float x, float y) => y / (1 + x * x);" },
        { "LD2007", "[Loss] public static float A(float x, float y, [Hyper] float beta = 1f) { float r = Abs(x - y); return r < beta ? 0.5f * r * r / beta : r - 0.5f * beta; }" },
        { "LD2010", "[Loss] public static float A(float x, [Domain(Min = 0, Max = 1)] float y) => Losses.Bce(Sigmoid(x), y) + Losses.SigmoidFocal(x, y, 0.25f, 2f);" },
        { "LD2010", "[Loss] public static float A(float x, [Domain(Min = 0, Max = 1)] float y, [Hyper(Min = 2)] float g = 2f) => Losses.SigmoidFocal(x, y, 0.25f, g);" },
        { "LD2010", "[Differentiable] public static float H([Domain(Min = 0)] float v) => Sqrt(v + 1f); [Loss] public static float A(float x, float y) => H(Square(x - y));" },
        { "LD2008", "[Loss] public static float A(float x, float y) => Sqrt(Square(x - y) + 1e-6f);" },
        // Min takes Pow(0, x) = 0 for x > 0; its derivative in x is 0 there (the generator's rule; it was 0·log 0 = NaN,
        // found by the fuzz property), and the analysis follows the rule's branch on the base.
        { "LD2008", "[Loss] public static double A(double x, double y) => Min(Clamp(x, 0.1, 3.1), Math.Pow(0.0, x)) * y;" },
        { "LD2008", "[Loss] public static float A(float x, [Domain(Min = 0)] float y) => x * Sqrt(y);" },
        { "LD2008", "[Loss] public static float A(float x, float y) => Abs(x - y);" },
        { "LD2008", "[Loss] public static float A(float x, float y, [Hyper(Min = 2)] float gamma = 2f) => Pow(Sigmoid(x), gamma) * y;" },
        { "LD2008", "[Loss] public static float A(float x, float y, [Hyper(Min = 1)] float gamma = 2f) { float p = Sigmoid(x); return (p > 1e-30f ? Pow(p, gamma) : 0f) * y; }" },
    };

    [Theory]
    [MemberData(nameof(NearMisses))]
    public Task Near_miss_does_not_trigger(string id, string members) => AnalyzeAsync(InClass(members), only: id);

    [Fact]
    public async Task Double_methods_use_double_thresholds()
    {
        // exp overflows past 709.78 in double, 88.72 in float: a log-rate bounded by 100 is fine only in double.
        await AnalyzeAsync(InClass("[Loss] public static double A([Wrt(Max = 100)] double x, double y) => Exp(x) - y * x;"), only: "LD2002");
        await AnalyzeAsync(InClass("[Loss] public static float A([Wrt(Max = 100)] float x, float y) => {|LD2002:Exp(x)|} - y * x;"), only: "LD2002");
    }

    public static TheoryData<string, string> RangeProblems => new()
    {
        { "[Loss] public static float A(float x, float y, [{|#0:Hyper(Min = 2, Max = 1)|}] float scale = 1.5f) => Square((x - y) / scale);", "The range stated for 'scale' is empty: Min = 2 is above Max = 1; the stability analysis assumes it, so fix the bounds (or the default)" },
        { "[Loss] public static float A(float x, float y, [{|#0:Hyper(Min = 1)|}] float gamma = 0.5f) => Pow(Sigmoid(x), gamma) * y;", "The range stated for 'gamma' [1, ∞] does not hold its own default 0.5; the stability analysis assumes it, so fix the bounds (or the default)" },
        { "[Loss] public static float A([{|#0:Wrt(Min = double.NaN)|}] float x, float y) => x * y;", "The range stated for 'x' has a NaN bound; the stability analysis assumes it, so fix the bounds (or the default)" },
        { "[Loss] public static float A(float x, [Domain(Min = 1)] float y, float z) => x * y + Abs(z);", "" },
        { "[Loss] public static float A(float x, [Domain(Min = 0, Max = 1)] float y, [Hyper(Min = 1, Max = 1)] float k = 1f) => x * y * k;", "" },
    };

    [Theory]
    [MemberData(nameof(RangeProblems))]
    public Task Contradictory_stated_ranges_are_reported_on_the_attribute(string markup, string message) =>
        AnalyzeAsync(InClass(markup), only: "LD2009", message.Length == 0 ? [] : [Diagnostic("LD2009").WithLocation(0).WithMessage(message)]);

    [Fact]
    public Task Folded_constants_keep_their_range() =>
        // The simplifier folds Softplus(2.5) in double while the float source rounds it: the two views of the
        // constant differ in the last bit, and their empty intersection once silenced the Pow rule (found by fuzzing).
        AnalyzeAsync(InClass("[Loss] public static float A(float x, float y) => {|LD2006:Pow(x, Softplus(2.5f) * x)|} + y;"), only: "LD2006");

    [Fact]
    public Task An_argument_outside_the_helpers_stated_range_is_reported_once_at_the_argument() =>
        AnalyzeAsync(InClass("""
            [Differentiable] public static float LogOf([Domain(Min = 1e-6)] float p) => Log(p);
            [Loss] public static float A(float z, float y) => -y * LogOf({|#0:Sigmoid(z)|});
            """), expected: Diagnostic("LD2010").WithLocation(0).WithMessage(
                "'Sigmoid(z)' can be [0, 1], outside [1E-06, ∞], the range 'LogOf' states for its parameter 'p'; the callee's formula assumes that range"
                + " (outside it its value or gradient may be NaN or ∞): narrow the argument (a stable form, Clamp, a stated range on your own parameter)"));

    [Fact]
    public Task A_hazard_of_the_helper_itself_is_reported_once_in_the_helper() =>
        AnalyzeAsync(InClass("""
            [Differentiable] public static float LogOf(float p) => {|LD2001:Log(p)|};
            [Loss] public static float A(float z, float y) => -y * LogOf(z) - (1 - y) * LogOf(1 - z);
            """));

    [Fact]
    public Task Messages_say_what_goes_wrong_and_what_to_do() =>
        AnalyzeAsync(InClass("[Loss] public static float A(float x, float y) => {|#0:Log(1 + Exp(x))|} - y * x;"), expected:
            Diagnostic("LD2002").WithLocation(0).WithMessage("'Log(1 + Exp(x))' overflows: Exp(x) is ∞ for x > 88.72; use Softplus(x), which is exact for every input"
                + " (the generated kernels already compute the stable form, docs/stability.md; the fix makes the source say what runs)"));

    [Fact]
    public Task The_advice_negates_an_expression_as_the_fix_does() =>
        // Was "use LogSigmoid(--z * 2)": the message now spells the negation as the code fix writes it.
        AnalyzeAsync(InClass("[Loss] public static float A(float z, float y) => -(1 - y) * {|#0:Log(1 - Sigmoid(-z * 2))|};"), only: "LD2001", expected:
            Diagnostic("LD2001").WithLocation(0).WithMessage("'Log(1 - Sigmoid(-z * 2))' is -∞ where Sigmoid(-z * 2) rounds to 1 (float Sigmoid does above 17.33);"
                + " use LogSigmoid(-(-z * 2)), since 1 - Sigmoid(z) = Sigmoid(-z)" + StabilityAnalyzer.RepairedNote));

    [Fact]
    public void Diagnostics_link_to_their_page()
    {
        foreach (var descriptor in new StabilityAnalyzer().SupportedDiagnostics)
            Assert.Equal($"https://github.com/lossdsl/lossdsl/blob/main/docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
    }

    [Fact]
    public async Task A_hazard_the_generator_repairs_says_so_unless_the_loss_keeps_it_literal()
    {
        await AnalyzeAsync(InClass("[Loss] public static float A(float x, float y) => {|#0:Log(Sigmoid(x))|} * y;"), expected:
            Diagnostic("LD2001").WithLocation(0).WithMessage("'Log(Sigmoid(x))' is -∞ where Sigmoid(x) rounds to 0 (float Sigmoid does below -103.97); use LogSigmoid(x), which is exact"
                + " for every input" + StabilityAnalyzer.RepairedNote));
        // Opted out: the kernel is as written, so the warning does not claim a repair (and LD2011 measures it).
        await AnalyzeAsync(InClass("[Loss(Rewrite = false)] public static float A(float x, float y) => {|#0:Log(Sigmoid(x))|} * y;"), only: "LD2001", expected:
            Diagnostic("LD2001").WithLocation(0).WithMessage("'Log(Sigmoid(x))' is -∞ where Sigmoid(x) rounds to 0 (float Sigmoid does below -103.97); use LogSigmoid(x), which is exact"
                + " for every input"));
        // Not a pattern the rewrites know (a log of something that can reach 0): no claim either.
        await AnalyzeAsync(InClass("[Loss] public static float A(float x, float y) => {|#0:Log(x)|} * y;"), expected:
            Diagnostic("LD2001").WithLocation(0).WithMessage(
            "'Log(x)' is NaN: its argument can be negative (range: unconstrained); clamp the argument, Log(Max(x, 1e-7f)), or state its range"
            + " with [Domain], [Wrt] or [Hyper] (Min = ...)"));
    }

    [Fact]
    public Task Code_the_generator_rejects_or_that_does_not_compile_yields_no_stability_warning() =>
        // A loop (LD1008, the generator's) and a plain method: nothing from the analyzer.
        AnalyzeAsync(InClass("""
            [Loss] public static float A(float x, float y) { for (int i = 0; i < 2; i++) { } return Log(x); }
            public static float NotALoss(float x) => Log(x);
            """));
}
