using System.Buffers.Binary;
using SkiaSharp;

namespace JourneyBot.AppPackage.Tests;

/// <summary>A PNG file read twice: its header as bytes, and its pixels decoded by SkiaSharp, unpremultiplied.</summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public PngImage(byte[] bytes)
    {
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal("IHDR"u8.ToArray(), bytes[12..16]);
        HeaderWidth = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4));
        HeaderHeight = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));

        // Unpremultiplied, so a half-transparent edge keeps the colour it was drawn in.
        using var bitmap = SKBitmap.Decode(bytes, new SKImageInfo(HeaderWidth, HeaderHeight, SKColorType.Bgra8888, SKAlphaType.Unpremul));
        Width = bitmap.Width;
        Height = bitmap.Height;
        Pixels = bitmap.Pixels;
    }

    public int HeaderWidth { get; }

    public int HeaderHeight { get; }

    public int Width { get; }

    public int Height { get; }

    public SKColor[] Pixels { get; }

    public SKColor At(int x, int y) => Pixels[(y * Width) + x];

    public static PngImage Load(string path) => new(File.ReadAllBytes(path));
}
