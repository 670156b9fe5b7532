using System.Text.Json.Nodes;
using SkiaSharp;

namespace JourneyBot.AppPackage.Tests;

/// <summary>The two icons in manifest/: the sizes and colours Teams requires, and what the code draws.</summary>
public sealed class IconTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private static PngImage Color => PngImage.Load(Path.Combine(Samples.ManifestFolder, "color.png"));

    private static PngImage Outline => PngImage.Load(Path.Combine(Samples.ManifestFolder, "outline.png"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_colour_icon_is_a_192_pixel_square_and_fully_opaque()
    {
        var color = Color;

        Assert.Equal((192, 192), (color.HeaderWidth, color.HeaderHeight));
        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.All(color.Pixels, p => Assert.Equal(255, p.Alpha));
    }

    [Fact]
    public void The_colour_icon_stands_on_the_manifest_accent_colour_with_a_white_motif_in_the_middle()
    {
        var color = Color;
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Samples.ManifestFolder, "manifest.json")))!;
        var accent = SKColor.Parse((string)manifest["accentColor"]!);

        Assert.Equal(accent, color.At(0, 0));
        Assert.Equal(accent, color.At(191, 191));
        // Teams crops the colour icon: the motif keeps to the middle 96 px, the border is all accent.
        var border = Enumerable.Range(0, 192).SelectMany(x => Enumerable.Range(0, 192).Select(y => (x, y)))
            .Where(p => p.x < 48 || p.x >= 144 || p.y < 48 || p.y >= 144);
        Assert.All(border, p => Assert.Equal(accent, color.At(p.x, p.y)));
        Assert.InRange(color.Pixels.Count(p => p == SKColors.White), 96 * 96 / 8, 96 * 96 / 2);
    }

    [Fact]
    public void The_outline_icon_is_a_32_pixel_square_of_white_on_full_transparency()
    {
        var outline = Outline;

        Assert.Equal((32, 32), (outline.HeaderWidth, outline.HeaderHeight));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.All(new[] { outline.At(0, 0), outline.At(31, 0), outline.At(0, 31), outline.At(31, 31) }, c => Assert.Equal(0, c.Alpha));
        Assert.All(outline.Pixels.Where(p => p.Alpha != 0), p => Assert.Equal((255, 255, 255), (p.Red, p.Green, p.Blue)));
        Assert.InRange(outline.Pixels.Count(p => p.Alpha == 0), 1024 / 2, 1024 * 9 / 10);
        Assert.InRange(outline.Pixels.Count(p => p.Alpha == 255), 1024 / 10, 1024 / 2);
    }

    [Fact]
    public void The_icons_in_manifest_folder_are_what_the_icons_command_draws()
    {
        var result = Packager.Run("icons", "--output", _temp.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal([_temp.PathOf("color.png"), _temp.PathOf("outline.png")], result.Output.TrimEnd('\n').Split('\n'));
        Assert.Equal(Color.Pixels, PngImage.Load(_temp.PathOf("color.png")).Pixels);
        Assert.Equal(Outline.Pixels, PngImage.Load(_temp.PathOf("outline.png")).Pixels);
    }

    [Fact]
    public void The_icon_check_finds_a_coloured_pixel_an_opaque_corner_and_a_wrong_size()
    {
        var outline = Outline;
        var pixels = outline.Pixels.ToArray();
        pixels[0] = SKColors.White;
        pixels[(16 * 32) + 16] = new SKColor(0xFF, 0x00, 0x00);

        var problems = IconCheck.OutlineProblems(Png(32, pixels));

        Assert.Contains(problems, p => p.Contains("opaque corner", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("1 pixels that are not white", StringComparison.Ordinal));
        Assert.Equal(["outline.png is 192×192; Teams needs 32×32."], IconCheck.OutlineProblems(File.ReadAllBytes(Path.Combine(Samples.ManifestFolder, "color.png"))));
        Assert.Equal(["color.png has transparent pixels; it is meant to be a solid square (Teams rounds its corners)."],
            IconCheck.ColorProblems(Png(192, [.. Enumerable.Repeat(SKColors.Transparent, 192 * 192)])));
        Assert.Equal(["color.png is not a PNG image."], IconCheck.ColorProblems("GIF89a"u8.ToArray()));
    }

    [Fact]
    public void A_package_with_a_broken_icon_is_refused_with_exit_code_1_and_no_zip()
    {
        var folder = Samples.CopyOfManifestFolder(_temp);
        File.Copy(Path.Combine(folder, "color.png"), Path.Combine(folder, "outline.png"), overwrite: true);
        var zip = _temp.PathOf("journeybot.zip");

        var result = Packager.Run(["package", .. Samples.RequiredOptions(zip), "--manifest-dir", folder]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("outline.png is 192×192; Teams needs 32×32.", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public void The_validate_command_passes_manifest_folder_and_fails_a_broken_copy()
    {
        var good = Packager.Run("validate");
        var folder = Samples.CopyOfManifestFolder(_temp);
        File.Delete(Path.Combine(folder, "outline.png"));
        var broken = Packager.Run("validate", "--manifest-dir", folder);

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("outline.png is missing", broken.Error, StringComparison.Ordinal);
    }

    private static byte[] Png(int side, SKColor[] pixels)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(side, side, SKColorType.Bgra8888, SKAlphaType.Unpremul)) { Pixels = pixels };
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
