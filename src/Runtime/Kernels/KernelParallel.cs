using System;
using System.ComponentModel;
using System.Threading.Tasks;

namespace LossDsl.Kernels;

/// <summary>
/// Runs a kernel over fixed chunks of <see cref="ChunkElements"/> elements. The chunk boundaries and the
/// order in which chunk totals are added do not depend on the thread count, so a reduced loss is bitwise
/// identical for any <c>DegreeOfParallelism</c> (the serial path walks the same chunks).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class KernelParallel
{
    /// <summary>Elements per chunk: a multiple of every vector width and accumulation block.</summary>
    public const int ChunkElements = 1 << 16;

    /// <summary>
    /// Calls at least this long stream their outputs past the caches (non-temporal stores): they would evict
    /// everything anyway, and streaming skips reading each destination line before writing it.
    /// </summary>
    public const int StreamingElements = 1 << 22;

    /// <summary>
    /// Runs one chunk [start, end) with the pinned spans, returning its loss total (0 if it reduces nothing).
    /// <paramref name="streamFrom"/> is -1 (store normally) or how many elements after <paramref name="start"/>
    /// the outputs become vector-aligned, from where they may be streamed.
    /// </summary>
    public delegate double ChunkRunner<T>(PinnedRefs<T> spans, int start, int end, int streamFrom) where T : unmanaged;

    /// <summary>
    /// Runs <paramref name="run"/> over every chunk of <paramref name="length"/> elements on up to
    /// <paramref name="degreeOfParallelism"/> threads and adds the chunk totals in chunk order. The spans
    /// stay pinned until every chunk has finished.
    /// </summary>
    public static unsafe double For<T>(int length, int degreeOfParallelism, int firstOutput, ChunkRunner<T> run,
        ReadOnlySpan<T> s0, ReadOnlySpan<T> s1 = default, ReadOnlySpan<T> s2 = default, ReadOnlySpan<T> s3 = default,
        ReadOnlySpan<T> s4 = default, ReadOnlySpan<T> s5 = default, ReadOnlySpan<T> s6 = default, ReadOnlySpan<T> s7 = default)
        where T : unmanaged
    {
        fixed (T* p0 = s0, p1 = s1, p2 = s2, p3 = s3, p4 = s4, p5 = s5, p6 = s6, p7 = s7)
        {
            var spans = new PinnedRefs<T>(p0, p1, p2, p3, p4, p5, p6, p7);
            int streamFrom = length >= StreamingElements ? StreamFrom(spans, firstOutput, sizeof(T)) : -1;
            return InChunkOrder(length, ChunkElements, degreeOfParallelism, (start, end) => run(spans, start, end, streamFrom));
        }
    }

    // Runs [0, count) in chunks of chunkSize on worker threads and adds the chunk totals in chunk order, so the
    // total does not depend on which thread ran what.
    private static double InChunkOrder(int count, int chunkSize, int degreeOfParallelism, Func<int, int, double> runChunk)
    {
        int chunks = (int)(((long)count + chunkSize - 1) / chunkSize);
        var totals = new double[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism }, chunk =>
        {
            int start = chunk * chunkSize;
            totals[chunk] = runChunk(start, (int)Math.Min(count, (long)start + chunkSize));
        });
        double total = 0;
        foreach (double chunkTotal in totals) total += chunkTotal;
        return total;
    }

    /// <summary>Rows per chunk of a row loss: about <see cref="ChunkElements"/> values, at least one row.</summary>
    public static int ChunkRows(int width) => Math.Max(1, ChunkElements / Math.Max(1, width));

    /// <summary>Runs one chunk of rows [start, end) of a row loss with its pinned spans and labels, returning its loss total.</summary>
    public delegate double RowChunkRunner<T>(PinnedRefs<T> spans, PinnedRefs<int> labels, int start, int end) where T : unmanaged;

    /// <summary>
    /// Runs <paramref name="run"/> over chunks of <see cref="ChunkRows"/> rows on up to <paramref name="degreeOfParallelism"/>
    /// threads and adds the chunk totals in chunk order: the serial path of a row loss walks the same chunks, so
    /// reduced values are bitwise identical for any thread count.
    /// </summary>
    public static unsafe double ForRows<T>(int rows, int width, int degreeOfParallelism, RowChunkRunner<T> run,
        ReadOnlySpan<int> labels0, ReadOnlySpan<int> labels1,
        ReadOnlySpan<T> s0, ReadOnlySpan<T> s1 = default, ReadOnlySpan<T> s2 = default, ReadOnlySpan<T> s3 = default,
        ReadOnlySpan<T> s4 = default, ReadOnlySpan<T> s5 = default, ReadOnlySpan<T> s6 = default, ReadOnlySpan<T> s7 = default)
        where T : unmanaged
    {
        fixed (int* l0 = labels0, l1 = labels1)
        fixed (T* p0 = s0, p1 = s1, p2 = s2, p3 = s3, p4 = s4, p5 = s5, p6 = s6, p7 = s7)
        {
            var spans = new PinnedRefs<T>(p0, p1, p2, p3, p4, p5, p6, p7);
            var labels = new PinnedRefs<int>(l0, l1, null, null, null, null, null, null);
            return InChunkOrder(rows, ChunkRows(width), degreeOfParallelism, (start, end) => run(spans, labels, start, end));
        }
    }

    // Streaming needs every output at the same offset from a vector boundary (chunks start a multiple of 64
    // bytes apart, so one peel serves them all); -1 when they differ or 512-bit vectors are not in use.
    private static int StreamFrom<T>(PinnedRefs<T> spans, int firstOutput, int elementSize) where T : unmanaged
    {
        const int VectorBytes = 64;
        if (!System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated) return -1;
        int misalignment = -1;
        for (int k = firstOutput; k < PinnedRefs<T>.Capacity && spans.Address(k) != 0; k++)
        {
            int offset = (int)(spans.Address(k) % VectorBytes);
            if (offset % elementSize != 0 || (misalignment >= 0 && offset != misalignment)) return -1;
            misalignment = offset;
        }
        return misalignment < 0 ? -1 : (VectorBytes - misalignment) % VectorBytes / elementSize;
    }

    /// <summary>Throws unless <paramref name="degree"/> is at least 1.</summary>
    public static int ValidDegree(int degree, string paramName) =>
        degree >= 1 ? degree : throw new ArgumentOutOfRangeException(paramName, degree, "DegreeOfParallelism must be at least 1.");
}

/// <summary>The start of up to eight pinned spans, for a <see cref="KernelParallel.ChunkRunner{T}"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly unsafe struct PinnedRefs<T> where T : unmanaged
{
    private readonly T* _p0, _p1, _p2, _p3, _p4, _p5, _p6, _p7;

    internal PinnedRefs(T* p0, T* p1, T* p2, T* p3, T* p4, T* p5, T* p6, T* p7)
    {
        _p0 = p0; _p1 = p1; _p2 = p2; _p3 = p3; _p4 = p4; _p5 = p5; _p6 = p6; _p7 = p7;
    }

    internal const int Capacity = 8;

    /// <summary>A reference to the first element of span <paramref name="index"/>.</summary>
    public ref T this[int index] => ref *Pointer(index);

    /// <summary>The address of span <paramref name="index"/> (0 for a span not given).</summary>
    internal nuint Address(int index) => (nuint)Pointer(index);

    private T* Pointer(int index) => index switch
    {
        0 => _p0, 1 => _p1, 2 => _p2, 3 => _p3, 4 => _p4, 5 => _p5, 6 => _p6,
        7 => _p7,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };
}
