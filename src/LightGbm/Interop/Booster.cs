using System;
using System.Text;

namespace LossDsl.LightGbm.Interop;

/// <summary>The booster calls the trainer and <see cref="LightGbmBooster"/> share, each checked.</summary>
internal static class Booster
{
    public static BoosterHandle Create(DatasetHandle train, string parameters)
    {
        Native.Check(NativeMethods.LGBM_BoosterCreate(train, parameters, out BoosterHandle booster));
        return booster;
    }

    public static BoosterHandle Load(string model, out int iterations)
    {
        Native.Check(NativeMethods.LGBM_BoosterLoadModelFromString(model, out iterations, out BoosterHandle booster));
        return booster;
    }

    /// <summary>Grows one tree per output from the given class-major gradient and Hessian; false when no tree could split.</summary>
    public static unsafe bool Update(BoosterHandle booster, float[] gradient, float[] hessian)
    {
        fixed (float* g = gradient)
        fixed (float* h = hessian)
        {
            Native.Check(NativeMethods.LGBM_BoosterUpdateOneIterCustom(booster, g, h, out int empty));
            return empty == 0;
        }
    }

    /// <summary>The current raw scores of the training data (0) or a validation set (1, …), class-major.</summary>
    public static unsafe void Scores(BoosterHandle booster, int dataIndex, double[] scores)
    {
        fixed (double* result = scores)
        {
            Native.Check(NativeMethods.LGBM_BoosterGetPredict(booster, dataIndex, out long length, result));
            if (length != scores.Length) throw new LightGbmException($"LightGBM returned {length} scores for data set {dataIndex}, {scores.Length} were expected.");
        }
    }

    /// <summary>The model's text: <paramref name="iterations"/> iterations (all when ≤ 0) from <paramref name="start"/>, trees renumbered from 0.</summary>
    public static unsafe string Save(BoosterHandle booster, int iterations, int start = 0)
    {
        Native.Check(NativeMethods.LGBM_BoosterSaveModelToString(booster, start, iterations, 0, 0, out long length, null));
        var buffer = new byte[length];
        fixed (byte* data = buffer)
        {
            Native.Check(NativeMethods.LGBM_BoosterSaveModelToString(booster, start, iterations, 0, buffer.Length, out length, data));
        }
        return Encoding.UTF8.GetString(buffer, 0, (int)Math.Max(0, length - 1)); // without the terminating NUL
    }

    public static int Features(BoosterHandle booster)
    {
        Native.Check(NativeMethods.LGBM_BoosterGetNumFeature(booster, out int features));
        return features;
    }

    public static int Classes(BoosterHandle booster)
    {
        Native.Check(NativeMethods.LGBM_BoosterGetNumClasses(booster, out int classes));
        return classes;
    }

    public static int Iterations(BoosterHandle booster)
    {
        Native.Check(NativeMethods.LGBM_BoosterGetCurrentIteration(booster, out int iteration));
        return iteration;
    }

    /// <summary>Adds <paramref name="bias"/> to every leaf of tree <paramref name="tree"/> (which has <paramref name="leaves"/> leaves).</summary>
    public static void AddBias(BoosterHandle booster, int tree, int leaves, double bias)
    {
        for (int leaf = 0; leaf < leaves; leaf++)
        {
            Native.Check(NativeMethods.LGBM_BoosterGetLeafValue(booster, tree, leaf, out double value));
            Native.Check(NativeMethods.LGBM_BoosterSetLeafValue(booster, tree, leaf, value + bias));
        }
    }
}
