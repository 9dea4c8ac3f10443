using System.Buffers.Binary;

namespace Redress.Complaints.Letters;

/// <summary>
/// Takes one face out of a TrueType collection (.ttc) as a standalone .ttf, in memory. PDFsharp reads only single
/// TrueType fonts, and the CJK fonts a Linux server has are shipped as collections (ADR 15).
/// </summary>
internal static class TrueTypeCollection
{
    private const int OffsetTableSize = 12;
    private const int TableRecordSize = 16;
    private const uint HeadTag = 0x68656164; // 'head'

    public static byte[] ExtractFace(ReadOnlySpan<byte> collection, int faceIndex)
    {
        if (collection.Length < 16 || !collection[..4].SequenceEqual("ttcf"u8))
        {
            throw new InvalidDataException("Not a TrueType collection: the 'ttcf' tag is missing.");
        }

        var faces = BinaryPrimitives.ReadUInt32BigEndian(collection[8..]);
        if (faceIndex < 0 || faceIndex >= faces)
        {
            throw new ArgumentOutOfRangeException(nameof(faceIndex), $"The collection holds {faces} faces.");
        }

        var start = checked((int)BinaryPrimitives.ReadUInt32BigEndian(collection[(12 + (4 * faceIndex))..]));
        var sfnt = collection[start..];
        if (!sfnt[..4].SequenceEqual((ReadOnlySpan<byte>)[0, 1, 0, 0]) && !sfnt[..4].SequenceEqual("true"u8))
        {
            // 'OTTO' faces carry CFF outlines, which PDFsharp cannot embed either.
            throw new InvalidDataException("The face does not have TrueType outlines.");
        }

        int tableCount = BinaryPrimitives.ReadUInt16BigEndian(sfnt[4..]);
        var records = new (uint Tag, uint Checksum, int Offset, int Length)[tableCount];
        var size = OffsetTableSize + (TableRecordSize * tableCount);
        for (var i = 0; i < tableCount; i++)
        {
            var record = sfnt[(OffsetTableSize + (TableRecordSize * i))..];
            records[i] = (
                BinaryPrimitives.ReadUInt32BigEndian(record),
                BinaryPrimitives.ReadUInt32BigEndian(record[4..]),
                checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..])),
                checked((int)BinaryPrimitives.ReadUInt32BigEndian(record[12..])));
            size += Padded(records[i].Length);
        }

        // Table offsets in a collection count from the start of the .ttc file; in the new font, from its own start.
        var font = new byte[size];
        sfnt[..OffsetTableSize].CopyTo(font);
        var next = OffsetTableSize + (TableRecordSize * tableCount);
        var headAt = -1;
        for (var i = 0; i < tableCount; i++)
        {
            var (tag, checksum, offset, length) = records[i];
            collection.Slice(offset, length).CopyTo(font.AsSpan(next));
            var record = font.AsSpan(OffsetTableSize + (TableRecordSize * i));
            BinaryPrimitives.WriteUInt32BigEndian(record, tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)next);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)length);
            if (tag == HeadTag)
            {
                headAt = next;
            }

            next += Padded(length);
        }

        if (headAt >= 0)
        {
            // The whole-font checksum changes with the layout; readers that check it expect 0xB1B0AFBA minus the sum.
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headAt + 8), 0);
            BinaryPrimitives.WriteUInt32BigEndian(font.AsSpan(headAt + 8), unchecked(0xB1B0AFBA - Checksum(font)));
        }

        return font;
    }

    private static int Padded(int length) => (length + 3) & ~3;

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= data.Length; i += 4)
        {
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        }

        return sum;
    }
}
