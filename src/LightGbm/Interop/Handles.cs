using Microsoft.Win32.SafeHandles;

namespace LossDsl.LightGbm.Interop;

/// <summary>A LightGBM <c>DatasetHandle</c>, freed exactly once.</summary>
internal sealed class DatasetHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle() => NativeMethods.LGBM_DatasetFree(handle) == 0;
}

/// <summary>A LightGBM <c>BoosterHandle</c>, freed exactly once.</summary>
internal sealed class BoosterHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle() => NativeMethods.LGBM_BoosterFree(handle) == 0;
}
