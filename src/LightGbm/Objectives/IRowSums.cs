namespace LossDsl.LightGbm.Objectives;

/// <summary>Column sums of a row-major field [rows × outputs], in double.</summary>
internal interface IRowSums
{
    double[] Sum(float[] field);
}

/// <summary>The sums over this machine's rows.</summary>
internal sealed class LocalSums(int rows, int outputs) : IRowSums
{
    public double[] Sum(float[] field)
    {
        var sums = new double[outputs];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < outputs; j++) sums[j] += field[i * outputs + j];
        }
        return sums;
    }
}
