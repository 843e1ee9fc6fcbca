using System;
using System.Linq;
using System.Reflection;

namespace LossDsl.LightGbm;

/// <summary>
/// What a generated loss class says about its [Loss] method through reflection: the stated range of the
/// differentiated input and of the target, checked before LightGBM is called.
/// </summary>
internal static class LossSignature
{
    /// <summary>The [Loss] method a generated <c>{Method}Loss</c> class was compiled from, if it can be found.</summary>
    private static MethodInfo? LossMethod(Type lossType)
    {
        if (lossType.DeclaringType is not { } declaring || !lossType.Name.EndsWith("Loss", StringComparison.Ordinal)) return null;
        string name = lossType.Name[..^"Loss".Length];
        return declaring.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .FirstOrDefault(m => m.Name == name && m.GetCustomAttribute<LossAttribute>() is not null);
    }

    /// <summary>
    /// Throws when the loss's prediction is a probability (its [Wrt] range lies within [0, 1]: boosting's raw scores
    /// are unbounded) or a label lies outside the target's stated [Domain]. Other stated ranges of the prediction (an
    /// overflow guard such as a log-mean within ±30) are left to the per-iteration check that gradients stay finite.
    /// </summary>
    public static void CheckElementLoss(object loss, float[] labels, string lossName, string labelsName)
    {
        if (LossMethod(loss.GetType()) is not { } method) return;
        ParameterInfo[] inputs = method.GetParameters().Where(p => p.GetCustomAttribute<HyperAttribute>() is null).ToArray();
        if (inputs.Length != 2) return;
        if (inputs[0].GetCustomAttribute<WrtAttribute>() is { } wrt && wrt.Min >= 0 && wrt.Max <= 1)
        {
            throw new ArgumentException(
                $"{loss.GetType().Name} takes '{inputs[0].Name}' in [{wrt.Min}, {wrt.Max}], a probability, but boosting produces unbounded raw scores; " +
                "use a loss of the raw score (a logit, a log-rate), such as BceWithLogits instead of Bce.", lossName);
        }
        if (inputs[1].GetCustomAttribute<DomainAttribute>() is { } domain)
        {
            for (int i = 0; i < labels.Length; i++)
            {
                if (labels[i] < domain.Min || labels[i] > domain.Max)
                {
                    throw new ArgumentException(
                        $"Label {labels[i]} of row {i} is outside [{domain.Min}, {domain.Max}], the domain {loss.GetType().Name} states for '{inputs[1].Name}'.", labelsName);
                }
            }
        }
    }
}
