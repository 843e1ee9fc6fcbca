using LossDsl.Generator.Model;
using LossDsl.Generator.Simplification;
using static LossDsl.Generator.Simplification.Ex;

namespace LossDsl.Generator.Tests.Core;

public class SerializerAndCseTests
{
    [Fact]
    public void Serialization_round_trips()
    {
        foreach (Expr e in SimplifierTests.SampleExpressions().Append(Const(double.NaN)).Append(Const(float.PositiveInfinity)))
        {
            string text = ExprSerializer.Serialize(e);
            Assert.Equal(e, ExprSerializer.Deserialize(text));
        }
    }

    [Theory]
    [InlineData("(add $x")]
    [InlineData("(frobnicate $x)")]
    [InlineData("(exp $x $y)")]
    [InlineData("")]
    public void Bad_serialized_text_is_a_format_error(string text) =>
        Assert.Throws<FormatException>(() => ExprSerializer.Deserialize(text));

    [Fact]
    public void Shared_subexpressions_become_one_temporary()
    {
        Expr x = Sym("x");
        Expr s = Call(Function.Sigmoid, x);
        Expr loss = Call(Function.Softplus, x);
        Expr gradient = s;
        Expr hessian = Mul(s, Sub(One, s));
        KernelProgram program = CommonSubexpressions.Eliminate([loss, gradient, hessian], new HashSet<string> { "x" });
        Assert.Equal(1, program.Temps.Count(t => t.Equals(s)));
        Assert.True(program.TempIndexOf(s) >= 0);
    }

    [Fact]
    public void Hyperparameter_only_subexpressions_are_loop_invariant()
    {
        Expr x = Sym("x"), delta = Sym("delta");
        Expr loss = Mul(x, Add(delta, Const(0.5)));
        KernelProgram program = CommonSubexpressions.Eliminate([loss], new HashSet<string> { "x" });
        int index = program.TempIndexOf(Add(delta, Const(0.5)));
        Assert.True(index >= 0);
        Assert.True(program.Invariant[index]);
    }
}
