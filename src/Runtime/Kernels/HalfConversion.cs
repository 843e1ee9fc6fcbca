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
/// Widening: the Half sign-extended to 32 bits and shifted 13 places left has its sign on the float's sign bit and
/// its exponent and significand in a float's place, as the float ±2⁻¹¹²·|h|, so one multiply by 2¹¹² rebiases
/// normal and subnormal values alike (and keeps the sign); ∞/NaN, which land on 2¹⁶ and above, get the all-ones
/// exponent back. Narrowing: scaling |f| by 2¹¹²·2⁻¹¹⁰ saturates what overflows to ∞, then adding a power of two
/// placed 13 bits above the value's last Half bit makes the float adder round to Half precision (nearest even,
/// subnormals by the same sum), and the Half's bits are read off the sum. Both sides keep the Half as a
/// sign-extended 32-bit integer, so one signed saturating pack (<c>packssdw</c>) narrows it without masking.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HalfConversion
{
    private const int SignBit = int.MinValue, Exponent = 0x7F80_0000;
    private const int HalfInFloatPlace = unchecked((int)0x8FFF_E000); // sign, Half exponent and significand after << 13
    private const float ToFloatScale = 5.192296858534828e33f; // 2^112
    private const float ToHalfScale = 7.703719777548943e-34f; // 2^-110
    private const float HalfSpecials = 65536f; // where a Half's ∞/NaN lands after the rebiasing multiply

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load128(ref Half source, int index) =>
        ToSingle(Vector128.WidenLower(Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<Half, byte>(ref Unsafe.Add(ref source, index)))).AsInt16()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load256(ref Half source, int index) =>
        ToSingle(Vector256.WidenLower(Vector128.LoadUnsafe(ref Unsafe.As<Half, short>(ref source), (nuint)index).ToVector256Unsafe()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load512(ref Half source, int index) =>
        ToSingle(Vector512.WidenLower(Vector256.LoadUnsafe(ref Unsafe.As<Half, short>(ref source), (nuint)index).ToVector512Unsafe()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store128(Vector128<float> value, ref Half destination, int index) =>
        Unsafe.WriteUnaligned(ref Unsafe.As<Half, byte>(ref Unsafe.Add(ref destination, index)), Vector128.NarrowWithSaturation(ToHalfBits(value), Vector128<int>.Zero).AsUInt64().ToScalar());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store256(Vector256<float> value, ref Half destination, int index) =>
        ToHalves(value).StoreUnsafe(ref Unsafe.As<Half, short>(ref destination), (nuint)index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store512(Vector512<float> value, ref Half destination, int index) =>
        ToHalves(value).StoreUnsafe(ref Unsafe.As<Half, short>(ref destination), (nuint)index);

    /// <summary><see cref="Store128"/>: 8 bytes have no non-temporal store; the kernels stream only with 512-bit vectors anyway.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store128Streaming(Vector128<float> value, ref Half destination, int index) => Store128(value, ref destination, index);

    /// <summary>A non-temporal <see cref="Store256"/>: destination element <paramref name="index"/> pinned and 16-byte aligned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store256Streaming(Vector256<float> value, ref Half destination, int index) =>
        ToHalves(value).StoreAlignedNonTemporal((short*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index)));

    /// <summary>A non-temporal <see cref="Store512"/>: destination element <paramref name="index"/> pinned and 32-byte aligned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store512Streaming(Vector512<float> value, ref Half destination, int index) =>
        ToHalves(value).StoreAlignedNonTemporal((short*)Unsafe.AsPointer(ref Unsafe.Add(ref destination, index)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<short> ToHalves(Vector256<float> value)
    {
        Vector256<int> halves = ToHalfBits(value);
        return Vector128.NarrowWithSaturation(halves.GetLower(), halves.GetUpper());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<short> ToHalves(Vector512<float> value)
    {
        Vector512<int> halves = ToHalfBits(value);
        return Vector256.NarrowWithSaturation(halves.GetLower(), halves.GetUpper());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ToSingle(Vector128<int> half)
    {
        Vector128<float> value = (Vector128.ShiftLeft(half, 13) & Vector128.Create(HalfInFloatPlace)).AsSingle() * Vector128.Create(ToFloatScale);
        Vector128<int> special = Vector128.GreaterThanOrEqual(Vector128.Abs(value), Vector128.Create(HalfSpecials)).AsInt32() & Vector128.Create(Exponent);
        return (value.AsInt32() | special).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ToSingle(Vector256<int> half)
    {
        Vector256<float> value = (Vector256.ShiftLeft(half, 13) & Vector256.Create(HalfInFloatPlace)).AsSingle() * Vector256.Create(ToFloatScale);
        Vector256<int> special = Vector256.GreaterThanOrEqual(Vector256.Abs(value), Vector256.Create(HalfSpecials)).AsInt32() & Vector256.Create(Exponent);
        return (value.AsInt32() | special).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ToSingle(Vector512<int> half)
    {
        Vector512<float> value = (Vector512.ShiftLeft(half, 13) & Vector512.Create(HalfInFloatPlace)).AsSingle() * Vector512.Create(ToFloatScale);
        Vector512<int> special = Vector512.GreaterThanOrEqual(Vector512.Abs(value), Vector512.Create(HalfSpecials)).AsInt32() & Vector512.Create(Exponent);
        return (value.AsInt32() | special).AsSingle();
    }

    // Each lane's Half bits, sign-extended to 32 bits (so within a short's range).

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> ToHalfBits(Vector128<float> value)
    {
        Vector128<int> bits = value.AsInt32();
        Vector128<int> magnitude = bits & Vector128.Create(~SignBit);
        Vector128<float> saturated = magnitude.AsSingle() * Vector128.Create(ToFloatScale) * Vector128.Create(ToHalfScale);
        Vector128<int> bias = Vector128.Max(magnitude & Vector128.Create(Exponent), Vector128.Create(0x3880_0000)) + Vector128.Create(0x0780_0000);
        Vector128<int> sum = (bias.AsSingle() + saturated).AsInt32();
        Vector128<int> finite = (Vector128.ShiftRightLogical(sum, 13) & Vector128.Create(0x7C00)) + (sum & Vector128.Create(0x0FFF));
        Vector128<int> nan = Vector128.GreaterThan(magnitude, Vector128.Create(Exponent));
        Vector128<int> sign = Vector128.ShiftRightArithmetic(bits, 16) & Vector128.Create(unchecked((int)0xFFFF_8000));
        return sign | Vector128.ConditionalSelect(nan, Vector128.Create(0x7E00), finite);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> ToHalfBits(Vector256<float> value)
    {
        Vector256<int> bits = value.AsInt32();
        Vector256<int> magnitude = bits & Vector256.Create(~SignBit);
        Vector256<float> saturated = magnitude.AsSingle() * Vector256.Create(ToFloatScale) * Vector256.Create(ToHalfScale);
        Vector256<int> bias = Vector256.Max(magnitude & Vector256.Create(Exponent), Vector256.Create(0x3880_0000)) + Vector256.Create(0x0780_0000);
        Vector256<int> sum = (bias.AsSingle() + saturated).AsInt32();
        Vector256<int> finite = (Vector256.ShiftRightLogical(sum, 13) & Vector256.Create(0x7C00)) + (sum & Vector256.Create(0x0FFF));
        Vector256<int> nan = Vector256.GreaterThan(magnitude, Vector256.Create(Exponent));
        Vector256<int> sign = Vector256.ShiftRightArithmetic(bits, 16) & Vector256.Create(unchecked((int)0xFFFF_8000));
        return sign | Vector256.ConditionalSelect(nan, Vector256.Create(0x7E00), finite);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> ToHalfBits(Vector512<float> value)
    {
        Vector512<int> bits = value.AsInt32();
        Vector512<int> magnitude = bits & Vector512.Create(~SignBit);
        Vector512<float> saturated = magnitude.AsSingle() * Vector512.Create(ToFloatScale) * Vector512.Create(ToHalfScale);
        Vector512<int> bias = Vector512.Max(magnitude & Vector512.Create(Exponent), Vector512.Create(0x3880_0000)) + Vector512.Create(0x0780_0000);
        Vector512<int> sum = (bias.AsSingle() + saturated).AsInt32();
        Vector512<int> finite = (Vector512.ShiftRightLogical(sum, 13) & Vector512.Create(0x7C00)) + (sum & Vector512.Create(0x0FFF));
        Vector512<int> nan = Vector512.GreaterThan(magnitude, Vector512.Create(Exponent));
        Vector512<int> sign = Vector512.ShiftRightArithmetic(bits, 16) & Vector512.Create(unchecked((int)0xFFFF_8000));
        return sign | Vector512.ConditionalSelect(nan, Vector512.Create(0x7E00), finite);
    }
}
