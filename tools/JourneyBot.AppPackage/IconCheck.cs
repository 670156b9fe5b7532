using SkiaSharp;

namespace JourneyBot.AppPackage;

/// <summary>
/// The rules Teams sets for the two icons, checked before a package is written: a wrong size or a
/// coloured outline icon is otherwise only found when the upload is refused.
/// </summary>
internal static class IconCheck
{
    /// <summary>What is wrong with the colour icon: it must be a 192×192 PNG on a solid square.</summary>
    public static IReadOnlyList<string> ColorProblems(byte[] png)
    {
        if (Decode(PackageFiles.ColorIcon, png, IconArt.ColorSize, out var problem) is not { } pixels)
        {
            return [problem!];
        }

        return pixels.All(p => p.Alpha == 255)
            ? []
            : [$"{PackageFiles.ColorIcon} has transparent pixels; it is meant to be a solid square (Teams rounds its corners)."];
    }

    /// <summary>What is wrong with the outline icon: it must be a 32×32 PNG, white on full transparency.</summary>
    public static IReadOnlyList<string> OutlineProblems(byte[] png)
    {
        if (Decode(PackageFiles.OutlineIcon, png, IconArt.OutlineSize, out var problem) is not { } pixels)
        {
            return [problem!];
        }

        var problems = new List<string>();
        var side = IconArt.OutlineSize;
        SKColor[] corners = [pixels[0], pixels[side - 1], pixels[(side - 1) * side], pixels[(side * side) - 1]];
        if (corners.Any(c => c.Alpha != 0))
        {
            problems.Add($"{PackageFiles.OutlineIcon} has an opaque corner; its background must be fully transparent.");
        }

        // Edges may be partly transparent (anti-aliasing) but never anything but white.
        var coloured = pixels.Count(p => p.Alpha != 0 && (p.Red, p.Green, p.Blue) != (255, 255, 255));
        if (coloured > 0)
        {
            problems.Add($"{PackageFiles.OutlineIcon} has {coloured} pixels that are not white; Teams allows only white (#FFFFFF) on transparency.");
        }

        var drawn = pixels.Count(p => p.Alpha != 0);
        if (drawn < pixels.Length / 10)
        {
            problems.Add($"{PackageFiles.OutlineIcon} is nearly empty ({drawn} of {pixels.Length} pixels drawn).");
        }

        return problems;
    }

    // The pixels, unpremultiplied so a half-transparent white edge still reads as white, or null
    // with the reason when the file is not a PNG of the expected size.
    private static SKColor[]? Decode(string name, byte[] png, int side, out string? problem)
    {
        using var data = SKData.CreateCopy(png);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != SKEncodedImageFormat.Png)
        {
            problem = $"{name} is not a PNG image.";
            return null;
        }

        if (codec.Info.Width != side || codec.Info.Height != side)
        {
            problem = $"{name} is {codec.Info.Width}×{codec.Info.Height}; Teams needs {side}×{side}.";
            return null;
        }

        // Bgra8888 is SKColor's own layout, so Pixels hands the bytes back as they are.
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Bgra8888, SKAlphaType.Unpremul));
        if (codec.GetPixels(bitmap.Info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            problem = $"{name} could not be decoded.";
            return null;
        }

        problem = null;
        return bitmap.Pixels;
    }
}
