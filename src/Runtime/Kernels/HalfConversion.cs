using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LossDsl.Kernels;

/// <summary>
/// Half ↔ float on the bit patterns, per vector width (.NET exposes no F16C/AVX512-FP16 conversion instruction).
/// Exact both ways: Half → float widens every Half (subnormals, ±∞, NaN payloads); float → Half rounds to nearest
/// even, overflows to ±∞, keeps NaN a NaN and makes Half subnormals — what <c>(Half)f</c> gives (tested against it).
/// </summary>
/// <remarks>
/// Widening: the Half's exponent and significand shifted into a float's place are the float 2⁻¹¹²·h, so one
/// multiply by 2¹¹² rebiases normal and subnormal values alike; ∞/NaN get the all-ones exponent back.
/// Narrowing: scaling |f| by 2¹¹²·2⁻¹¹⁰ saturates what overflows to ∞, then adding a power of two placed 13 bits
/// above the value's last Half bit makes the float adder round to Half precision (nearest even, subnormals by
/// the same sum), and the Half's bits are read off the sum.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HalfConversion
{
    private const uint SignBit = 0x8000_0000, Exponent = 0x7F80_0000;
    private const float ToFloatScale = 5.192296858534828e33f; // 2^112
    private const float ToHalfScale = 7.703719777548943e-34f; // 2^-110

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load128(ref Half source, int index) =>
        ToSingle(Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<Half, byte>(ref Unsafe.Add(ref source, index)))).AsUInt16()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load256(ref Half source, int index) =>
        ToSingle(Vector256.WidenLower(Vector128.LoadUnsafe(ref Unsafe.As<Half, ushort>(ref source), (nuint)index).ToVector256Unsafe()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load512(ref Half source, int index) =>
        ToSingle(Vector512.WidenLower(Vector256.LoadUnsafe(ref Unsafe.As<Half, ushort>(ref source), (nuint)index).ToVector512Unsafe()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store128(Vector128<float> value, ref Half destination, int index) =>
        Unsafe.WriteUnaligned(ref Unsafe.As<Half, byte>(ref Unsafe.Add(ref destination, index)), Vector128.Narrow(ToHalfBits(value), Vector128<uint>.Zero).AsUInt64().ToScalar());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store256(Vector256<float> value, ref Half destination, int index)
    {
        Vector256<uint> bits = ToHalfBits(value);
        Vector128.Narrow(bits.GetLower(), bits.GetUpper()).StoreUnsafe(ref Unsafe.As<Half, ushort>(ref destination), (nuint)index);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store512(Vector512<float> value, ref Half destination, int index)
    {
        Vector512<uint> bits = ToHalfBits(value);
        Vector256.Narrow(bits.GetLower(), bits.GetUpper()).StoreUnsafe(ref Unsafe.As<Half, ushort>(ref destination), (nuint)index);
    }

    /// <summary><see cref="Store128"/>: 8 bytes have no non-temporal store; the kernels stream only with 512-bit vectors anyway.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store128Streaming(Vector128<float> value, ref Half destination, int index) => Store128(value, ref destination, index);

    /// <summary>A non-temporal <see cref="Store256"/>: destination element <paramref name="index"/> pinned and 16-byte aligned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store256Streaming(Vector256<float> value, ref Half destination, int index)
    {
        Vector256<uint> bits = ToHalfBits(value);
        Vector128.Narrow(bits.GetLower(), bits.GetUpper()).StoreAlignedNonTemporal((ushort*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index)));
    }

    /// <summary>A non-temporal <see cref="Store512"/>: destination element <paramref name="index"/> pinned and 32-byte aligned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store512Streaming(Vector512<float> value, ref Half destination, int index)
    {
        Vector512<uint> bits = ToHalfBits(value);
        Vector256.Narrow(bits.GetLower(), bits.GetUpper()).StoreAlignedNonTemporal((ushort*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ToSingle(Vector128<uint> half)
    {
        Vector128<uint> magnitude = Vector128.ShiftLeft(half & Vector128.Create(0x7FFFu), 13);
        Vector128<uint> value = (magnitude.AsSingle() * Vector128.Create(ToFloatScale)).AsUInt32();
        Vector128<uint> special = Vector128.GreaterThanOrEqual(magnitude.AsInt32(), Vector128.Create(0x7C00 << 13)).AsUInt32() & Vector128.Create(Exponent);
        return (value | special | Vector128.ShiftLeft(half & Vector128.Create(0x8000u), 16)).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ToSingle(Vector256<uint> half)
    {
        Vector256<uint> magnitude = Vector256.ShiftLeft(half & Vector256.Create(0x7FFFu), 13);
        Vector256<uint> value = (magnitude.AsSingle() * Vector256.Create(ToFloatScale)).AsUInt32();
        Vector256<uint> special = Vector256.GreaterThanOrEqual(magnitude.AsInt32(), Vector256.Create(0x7C00 << 13)).AsUInt32() & Vector256.Create(Exponent);
        return (value | special | Vector256.ShiftLeft(half & Vector256.Create(0x8000u), 16)).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ToSingle(Vector512<uint> half)
    {
        Vector512<uint> magnitude = Vector512.ShiftLeft(half & Vector512.Create(0x7FFFu), 13);
        Vector512<uint> value = (magnitude.AsSingle() * Vector512.Create(ToFloatScale)).AsUInt32();
        Vector512<uint> special = Vector512.GreaterThanOrEqual(magnitude.AsInt32(), Vector512.Create(0x7C00 << 13)).AsUInt32() & Vector512.Create(Exponent);
        return (value | special | Vector512.ShiftLeft(half & Vector512.Create(0x8000u), 16)).AsSingle();
    }

    // The Half's 16 bits in the low half of each lane.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> ToHalfBits(Vector128<float> value)
    {
        Vector128<uint> bits = value.AsUInt32();
        Vector128<uint> twice = bits + bits; // the sign shifted out
        Vector128<float> saturated = (value & Vector128.Create(~SignBit).AsSingle()) * Vector128.Create(ToFloatScale) * Vector128.Create(ToHalfScale);
        Vector128<uint> bias = Vector128.Max(twice & Vector128.Create(0xFF00_0000u), Vector128.Create(0x7100_0000u));
        Vector128<uint> sum = ((Vector128.ShiftRightLogical(bias, 1) + Vector128.Create(0x0780_0000u)).AsSingle() + saturated).AsUInt32();
        Vector128<uint> finite = (Vector128.ShiftRightLogical(sum, 13) & Vector128.Create(0x7C00u)) + (sum & Vector128.Create(0x0FFFu));
        Vector128<uint> nan = Vector128.GreaterThan(twice, Vector128.Create(0xFF00_0000u));
        return Vector128.ShiftRightLogical(bits & Vector128.Create(SignBit), 16) | Vector128.ConditionalSelect(nan, Vector128.Create(0x7E00u), finite);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> ToHalfBits(Vector256<float> value)
    {
        Vector256<uint> bits = value.AsUInt32();
        Vector256<uint> twice = bits + bits;
        Vector256<float> saturated = (value & Vector256.Create(~SignBit).AsSingle()) * Vector256.Create(ToFloatScale) * Vector256.Create(ToHalfScale);
        Vector256<uint> bias = Vector256.Max(twice & Vector256.Create(0xFF00_0000u), Vector256.Create(0x7100_0000u));
        Vector256<uint> sum = ((Vector256.ShiftRightLogical(bias, 1) + Vector256.Create(0x0780_0000u)).AsSingle() + saturated).AsUInt32();
        Vector256<uint> finite = (Vector256.ShiftRightLogical(sum, 13) & Vector256.Create(0x7C00u)) + (sum & Vector256.Create(0x0FFFu));
        Vector256<uint> nan = Vector256.GreaterThan(twice, Vector256.Create(0xFF00_0000u));
        return Vector256.ShiftRightLogical(bits & Vector256.Create(SignBit), 16) | Vector256.ConditionalSelect(nan, Vector256.Create(0x7E00u), finite);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> ToHalfBits(Vector512<float> value)
    {
        Vector512<uint> bits = value.AsUInt32();
        Vector512<uint> twice = bits + bits;
        Vector512<float> saturated = (value & Vector512.Create(~SignBit).AsSingle()) * Vector512.Create(ToFloatScale) * Vector512.Create(ToHalfScale);
        Vector512<uint> bias = Vector512.Max(twice & Vector512.Create(0xFF00_0000u), Vector512.Create(0x7100_0000u));
        Vector512<uint> sum = ((Vector512.ShiftRightLogical(bias, 1) + Vector512.Create(0x0780_0000u)).AsSingle() + saturated).AsUInt32();
        Vector512<uint> finite = (Vector512.ShiftRightLogical(sum, 13) & Vector512.Create(0x7C00u)) + (sum & Vector512.Create(0x0FFFu));
        Vector512<uint> nan = Vector512.GreaterThan(twice, Vector512.Create(0xFF00_0000u));
        return Vector512.ShiftRightLogical(bits & Vector512.Create(SignBit), 16) | Vector512.ConditionalSelect(nan, Vector512.Create(0x7E00u), finite);
    }
}
