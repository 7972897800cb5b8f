using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DiffMigrate.Schema;

/// <summary>
/// An immutable array with structural equality, so that records holding lists compare by content
/// (<see cref="ImmutableArray{T}"/> alone compares by reference).
/// </summary>
[CollectionBuilder(typeof(EquatableArray), nameof(EquatableArray.Create))]
public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
{
    private readonly ImmutableArray<T> items;

    /// <summary>Wraps <paramref name="items"/>.</summary>
    public EquatableArray(ImmutableArray<T> items) => this.items = items;

    /// <summary>The empty array.</summary>
    public static EquatableArray<T> Empty => new(ImmutableArray<T>.Empty);

    /// <summary>The underlying immutable array (never default).</summary>
    public ImmutableArray<T> AsImmutableArray() => items.IsDefault ? ImmutableArray<T>.Empty : items;

    /// <inheritdoc/>
    public int Count => items.IsDefault ? 0 : items.Length;

    /// <summary>True when the array holds no item.</summary>
    public bool IsEmpty => Count == 0;

    /// <inheritdoc/>
    public T this[int index] => AsImmutableArray()[index];

    /// <inheritdoc/>
    public bool Equals(EquatableArray<T> other)
    {
        var a = AsImmutableArray();
        var b = other.AsImmutableArray();
        if (a == b) return true;   // one array (a table compared with itself, or with an unchanged copy of a record)
        if (a.Length != b.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i])) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in AsImmutableArray()) hash.Add(item);
        return hash.ToHashCode();
    }

    /// <summary>Structural equality.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Structural inequality.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>Wraps an immutable array.</summary>
    public static implicit operator EquatableArray<T>(ImmutableArray<T> items) => new(items);

    /// <summary>Copies a plain array.</summary>
    public static implicit operator EquatableArray<T>(T[]? items) => items is null ? default : new(ImmutableArray.Create(items));

    /// <inheritdoc/>
    public ImmutableArray<T>.Enumerator GetEnumerator() => AsImmutableArray().GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)AsImmutableArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)AsImmutableArray()).GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => "[" + string.Join(", ", AsImmutableArray()) + "]";
}

/// <summary>Factory methods for <see cref="EquatableArray{T}"/> (also the collection-expression builder).</summary>
public static class EquatableArray
{
    /// <summary>Creates an array from a span (used by collection expressions).</summary>
    public static EquatableArray<T> Create<T>(ReadOnlySpan<T> items) => new(ImmutableArray.Create(items));

    /// <summary>Materialises a sequence.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items) => new(items.ToImmutableArray());

    /// <summary>Each item through <paramref name="map"/>, into one array of the right size (no builder, no copy).</summary>
    internal static EquatableArray<TOut> Map<T, TOut>(this EquatableArray<T> items, Func<T, TOut> map)
    {
        var source = items.AsImmutableArray();
        var mapped = new TOut[source.Length];
        for (var i = 0; i < source.Length; i++) mapped[i] = map(source[i]);
        return new(ImmutableCollectionsMarshal.AsImmutableArray(mapped));
    }
}
