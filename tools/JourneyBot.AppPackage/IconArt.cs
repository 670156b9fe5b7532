using SkiaSharp;

namespace JourneyBot.AppPackage;

/// <summary>
/// Draws JourneyBot's two Teams icons: a route from a start dot over a high point to a map pin.
/// The same motif, in white, fills the outline icon and sits on the accent colour in the colour icon.
/// </summary>
internal static class IconArt
{
    /// <summary>The colour icon's side, as Teams requires.</summary>
    public const int ColorSize = 192;

    /// <summary>The outline icon's side, as Teams requires.</summary>
    public const int OutlineSize = 32;

    /// <summary>The colour icon's background, as manifest.json's accentColor writes it (the tests compare them).</summary>
    public const string AccentHex = "#0E7C86";

    private static readonly SKColor Accent = SKColor.Parse(AccentHex);

    // Teams crops the colour icon to a rounded square or a hexagon: the symbol keeps to the middle
    // 96 px of 192 so nothing of it is cut off.
    private const float ColorSymbolSide = 96;

    // Everything below is measured in a unit square; the outline icon fills it edge to edge (Teams
    // wants no padding there), the colour icon scales it to its symbol area.
    private const float RouteWidth = 0.09f;
    private const float StageDotRadius = 0.105f;
    private static readonly SKPoint StartDot = new(0.115f, 0.85f);
    private static readonly SKPoint PeakDot = new(0.4f, 0.5f);
    private static readonly SKPoint PinHead = new(0.765f, 0.25f);
    private const float PinRadius = 0.21f;
    private const float PinHoleRadius = 0.08f;
    private const float PinTipDrop = 0.48f; // from the head's centre down to the tip

    /// <summary>The 192×192 colour icon as PNG: the white motif on the accent colour, square and opaque.</summary>
    public static byte[] ColorPng()
    {
        var offset = (ColorSize - ColorSymbolSide) / 2;
        return Png(ColorSize, Accent, canvas =>
        {
            canvas.Translate(offset, offset);
            canvas.Scale(ColorSymbolSide);
        });
    }

    /// <summary>The 32×32 outline icon as PNG: the white motif on full transparency.</summary>
    public static byte[] OutlinePng() => Png(OutlineSize, SKColors.Transparent, canvas => canvas.Scale(OutlineSize));

    private static byte[] Png(int side, SKColor background, Action<SKCanvas> placeSymbol)
    {
        using var surface = SKSurface.Create(new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(background);

        // The symbol is drawn on a layer of its own so the pin's hole can be cut out of it with
        // Clear: the hole then shows whatever lies beneath, the accent colour or transparency.
        canvas.SaveLayer();
        placeSymbol(canvas);
        DrawSymbol(canvas);
        canvas.Restore();

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static void DrawSymbol(SKCanvas canvas)
    {
        var tip = new SKPoint(PinHead.X, PinHead.Y + PinTipDrop);

        using var route = new SKPaint
        {
            Color = SKColors.White,
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
            StrokeWidth = RouteWidth,
            StrokeCap = SKStrokeCap.Round,
            StrokeJoin = SKStrokeJoin.Round,
        };
        using (var builder = new SKPathBuilder())
        {
            // Up from the start to a high point, down and on to the pin: a journey with its ups and
            // downs, like the emotion curve on the map JourneyBot publishes.
            builder.MoveTo(StartDot);
            builder.CubicTo(StartDot.X + 0.09f, StartDot.Y - 0.17f, PeakDot.X - 0.15f, PeakDot.Y, PeakDot.X, PeakDot.Y);
            // It comes level into the pin's point, so the pin stands on the end of the road.
            builder.CubicTo(PeakDot.X + 0.17f, PeakDot.Y, tip.X - 0.2f, tip.Y, tip.X, tip.Y);
            using var path = builder.Detach();
            canvas.DrawPath(path, route);
        }

        using var fill = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawCircle(StartDot, StageDotRadius, fill);
        canvas.DrawCircle(PeakDot, StageDotRadius, fill);

        using (var pin = Pin(PinHead, PinRadius, tip))
        {
            canvas.DrawPath(pin, fill);
        }

        using var hole = new SKPaint { IsAntialias = true, BlendMode = SKBlendMode.Clear };
        canvas.DrawCircle(PinHead, PinHoleRadius, hole);
    }

    // A map pin: a circle whose two tangents from the tip close it into a teardrop.
    private static SKPath Pin(SKPoint head, float radius, SKPoint tip)
    {
        var drop = tip.Y - head.Y;
        var halfAngle = MathF.Asin(radius / drop); // between the axis and each tangent, seen from the tip
        var tangentLength = MathF.Sqrt((drop * drop) - (radius * radius));
        var touch = new SKPoint(
            tip.X - (tangentLength * MathF.Sin(halfAngle)),
            tip.Y - (tangentLength * MathF.Cos(halfAngle)));

        using var path = new SKPathBuilder();
        path.MoveTo(tip);
        path.LineTo(touch);
        // Round the top of the head from the left tangent point to the right one, over the top.
        var alphaDegrees = halfAngle * 180f / MathF.PI;
        var oval = new SKRect(head.X - radius, head.Y - radius, head.X + radius, head.Y + radius);
        path.ArcTo(oval, 180f - alphaDegrees, 180f + (2 * alphaDegrees), forceMoveTo: false);
        path.Close();
        return path.Detach();
    }
}
