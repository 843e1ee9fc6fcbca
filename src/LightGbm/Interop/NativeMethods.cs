using System;
using System.Runtime.InteropServices;

namespace LossDsl.LightGbm.Interop;

/// <summary>
/// The part of LightGBM's C API (include/LightGBM/c_api.h, 4.x) this package calls. Every function returns 0 on
/// success and -1 on failure, with the reason in <see cref="LGBM_GetLastError"/>: call them through
/// <see cref="Native.Check"/>.
/// </summary>
internal static partial class NativeMethods
{
    public const string Library = "lib_lightgbm";

    public const int DTypeFloat32 = 0;
    public const int DTypeFloat64 = 1;
    public const int PredictRawScore = 1;

    [LibraryImport(Library)]
    public static partial IntPtr LGBM_GetLastError();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_DatasetCreateFromMat(float* data, int dataType, int rows, int columns, int isRowMajor,
        string parameters, IntPtr reference, out DatasetHandle dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_DatasetSetField(DatasetHandle dataset, string field, void* data, int count, int type);

    [LibraryImport(Library)]
    public static partial int LGBM_DatasetFree(IntPtr dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_DatasetSetFeatureNames(DatasetHandle dataset, string[] names, int count);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterCreate(DatasetHandle train, string parameters, out BoosterHandle booster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterLoadModelFromString(string model, out int iterations, out BoosterHandle booster);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterFree(IntPtr booster);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterAddValidData(BoosterHandle booster, DatasetHandle valid);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterUpdateOneIter(BoosterHandle booster, out int producedEmptyTree);

    [LibraryImport(Library)]
    public static unsafe partial int LGBM_BoosterUpdateOneIterCustom(BoosterHandle booster, float* gradient, float* hessian, out int producedEmptyTree);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterGetCurrentIteration(BoosterHandle booster, out int iteration);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterGetNumFeature(BoosterHandle booster, out int features);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterGetNumClasses(BoosterHandle booster, out int classes);

    [LibraryImport(Library)]
    public static unsafe partial int LGBM_BoosterGetPredict(BoosterHandle booster, int dataIndex, out long length, double* result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_BoosterPredictForMat(BoosterHandle booster, float* data, int dataType, int rows, int columns,
        int isRowMajor, int predictType, int startIteration, int iterations, string parameters, out long length, double* result);

    [LibraryImport(Library)]
    public static unsafe partial int LGBM_BoosterSaveModelToString(BoosterHandle booster, int startIteration, int iterations,
        int importanceType, long bufferLength, out long length, byte* buffer);

    [LibraryImport(Library)]
    public static unsafe partial int LGBM_BoosterFeatureImportance(BoosterHandle booster, int iterations, int importanceType, double* result);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterGetLeafValue(BoosterHandle booster, int tree, int leaf, out double value);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterSetLeafValue(BoosterHandle booster, int tree, int leaf, double value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_NetworkInit(string machines, int localListenPort, int listenTimeOutMinutes, int machineCount);

    [LibraryImport(Library)]
    public static partial int LGBM_NetworkFree();
}
