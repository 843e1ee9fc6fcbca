using System;
using System.Runtime.InteropServices;

namespace LossDsl.LightGbm.Interop;

/// <summary>Return-code checking and the one-time check that the native library is there.</summary>
internal static class Native
{
    private static readonly Lazy<Exception?> s_loadFailure = new(() => LoadFailure(NativeMethods.Library));

    /// <summary>Throws <see cref="LightGbmException"/> with LightGBM's own message unless <paramref name="code"/> is 0.</summary>
    public static void Check(int code)
    {
        if (code != 0) throw new LightGbmException(LastError());
    }

    /// <summary>Called before the first native call of every public entry point: a missing library names its package.</summary>
    public static void EnsureLoaded()
    {
        if (s_loadFailure.Value is { } failure) throw failure;
    }

    // NativeLibrary resolves the name the way [LibraryImport] does (the app's deps.json, runtimes/<rid>/native).
    internal static Exception? LoadFailure(string library)
    {
        if (NativeLibrary.TryLoad(library, typeof(Native).Assembly, DllImportSearchPath.AssemblyDirectory | DllImportSearchPath.SafeDirectories, out _))
        {
            return null;
        }
        return new DllNotFoundException(
            $"LightGBM's native library '{library}' could not be loaded for {RuntimeInformation.RuntimeIdentifier}. It comes with the NuGet " +
            $"package 'LightGBM' 4.7.0 (runtimes/linux-x64, win-x64 and osx-x64), which LossDsl.LightGbm depends on: restore it, and on other " +
            $"platforms build lib_lightgbm yourself and put it beside the application. On Linux it also needs libgomp (OpenMP).");
    }

    private static string LastError() => Marshal.PtrToStringUTF8(NativeMethods.LGBM_GetLastError()) ?? "LightGBM reported an error without a message.";
}
