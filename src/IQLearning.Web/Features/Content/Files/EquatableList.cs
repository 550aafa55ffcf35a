using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace IQLearning.Web.Features.Content.Files;

/// <summary>
/// An immutable list that compares by its items, so that records holding lists (a course and its lessons)
/// have value equality: the round trip Read → Write → Read can be checked with one Assert.Equal.
/// </summary>
[CollectionBuilder(typeof(EquatableList), nameof(EquatableList.Create))]
public sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    public static readonly EquatableList<T> Empty = new([]);

    private readonly ImmutableArray<T> _items;

    public EquatableList(IEnumerable<T> items) => _items = [.. items];

    public int Count => _items.Length;
    public T this[int index] => _items[index];

    public bool Equals(EquatableList<T>? other) =>
        other is not null && _items.AsSpan().SequenceEqual(other._items.AsSpan(), EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items) hash.Add(item);
        return hash.ToHashCode();
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    public override string ToString() => $"[{string.Join(", ", _items)}]";
}

public static class EquatableList
{
    public static EquatableList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());

    public static EquatableList<T> ToEquatableList<T>(this IEnumerable<T> items) => new(items);
}

/// <summary>The bytes of an attached file, compared by content.</summary>
public sealed class FileBytes(byte[] bytes) : IEquatable<FileBytes>
{
    private readonly byte[] _bytes = (byte[])bytes.Clone();

    public ReadOnlySpan<byte> Span => _bytes;
    public int Length => _bytes.Length;
    public byte[] ToArray() => (byte[])_bytes.Clone();

    public bool Equals(FileBytes? other) => other is not null && Span.SequenceEqual(other.Span);
    public override bool Equals(object? obj) => Equals(obj as FileBytes);
    public override int GetHashCode() => HashCode.Combine(_bytes.Length, _bytes.Length > 0 ? _bytes[0] : 0);
    public override string ToString() => $"{_bytes.Length} bytes";
}
