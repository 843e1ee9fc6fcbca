using System;

namespace LossDsl.LightGbm;

/// <summary>A failure inside LightGBM's native library, with LightGBM's own message (<c>LGBM_GetLastError</c>).</summary>
public sealed class LightGbmException : Exception
{
    /// <summary>Creates the exception with LightGBM's message.</summary>
    public LightGbmException(string message) : base(message) { }

    /// <summary>Creates the exception with LightGBM's message and the exception that caused it.</summary>
    public LightGbmException(string message, Exception innerException) : base(message, innerException) { }
}
