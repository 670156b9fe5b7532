using JourneyBot.Conversation.Mapping;
using SkiaSharp;

namespace JourneyBot.Conversation.Cards;

/// <summary>
/// The peaks and valleys of a journey: how the customer feels at each stage, from −2 to +2, as a
/// picture for the map card, with the same curve as a row of faces for clients without images.
/// </summary>
/// <remarks>
/// The picture has no text at all: stage names and scores stay text on the card, where every
/// client and screen reader can read them, and drawing needs no fonts on the server.
/// </remarks>
internal static class EmotionCurve
{
    /// <summary>Width of the picture in pixels (Teams shows images up to 1024 wide).</summary>
    public const int Width = 640;

    /// <summary>Height of the picture in pixels.</summary>
    public const int Height = 200;

    private const float Margin = 24;

    /// <summary>The colour that marks the highest point.</summary>
    public static readonly SKColor PeakColor = new(0x10, 0x7C, 0x10);

    /// <summary>The colour that marks the lowest point.</summary>
    public static readonly SKColor ValleyColor = new(0xC4, 0x31, 0x4B);

    private static readonly SKColor LineColor = new(0x46, 0x4E, 0xB8);

    // The other curve (an earlier version, or the current state under a future one): lighter, dashed.
    private static readonly SKColor OtherLineColor = new(0x8A, 0x8A, 0x8A);

    /// <summary>The average score of each stage, in stage order; null where nobody gave one.</summary>
    public static IReadOnlyList<double?> Scores(JourneyMap map, MapBoard board)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(board);
        return [.. map.Stages.Select(stage => ScoreOf(stage, board))];
    }

    /// <summary>The average emotion of <paramref name="stage"/>, or null where nobody gave one.</summary>
    public static double? ScoreOf(Stage stage, MapBoard board)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(board);
        var scores = board.Items.Where(i => i.StageId == stage.Id && i.Kind == ItemKind.Emotion && i.Score is not null)
            .Select(i => (double)i.Score!.Value).ToList();
        return scores.Count == 0 ? null : scores.Average();
    }

    /// <summary>The stages of the highest and lowest score, or null without at least two different scores.</summary>
    public static (int Peak, int Valley)? Extremes(IReadOnlyList<double?> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var known = scores.Select((s, i) => (Score: s, Index: i)).Where(p => p.Score is not null).ToList();
        if (known.Count < 2 || known.Max(p => p.Score) == known.Min(p => p.Score))
        {
            return null;
        }

        return (known.MaxBy(p => p.Score)!.Index, known.MinBy(p => p.Score)!.Index);
    }

    /// <summary>Where the point of stage <paramref name="index"/> with <paramref name="score"/> is drawn.</summary>
    public static SKPoint PointOf(int index, int count, double score)
    {
        var step = count <= 1 ? 0 : (Width - (2 * Margin)) / (count - 1);
        var x = count <= 1 ? Width / 2f : Margin + (index * step);
        var y = Margin + (float)((2 - Math.Clamp(score, -2, 2)) / 4 * (Height - (2 * Margin)));
        return new SKPoint(x, y);
    }

    /// <summary>
    /// The curve as a PNG: gridlines at −2…+2, the line, a dot per stage, the peak and valley marked;
    /// with <paramref name="other"/> (one score per stage of <paramref name="scores"/>, null where that
    /// curve has none) drawn dashed and grey behind it, to compare two versions or the current and
    /// future state on one picture.
    /// </summary>
    public static byte[] Png(IReadOnlyList<double?> scores, IReadOnlyList<double?>? other = null)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (other is not null && other.Count != scores.Count)
        {
            throw new ArgumentException("The other curve needs one score (or null) per stage.", nameof(other));
        }

        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        DrawGrid(canvas, scores.Count);
        if (other is not null)
        {
            DrawOther(canvas, other);
        }

        var points = scores.Select((s, i) => s is { } score ? PointOf(i, scores.Count, score) : (SKPoint?)null).ToList();
        using (var line = new SKPaint { Color = LineColor, StrokeWidth = 4, IsAntialias = true, Style = SKPaintStyle.Stroke })
        {
            var known = points.OfType<SKPoint>().ToArray();
            for (var i = 1; i < known.Length; i++)
            {
                canvas.DrawLine(known[i - 1], known[i], line);
            }
        }

        using var dot = new SKPaint { Color = LineColor, IsAntialias = true, Style = SKPaintStyle.Fill };
        foreach (var point in points.OfType<SKPoint>())
        {
            canvas.DrawCircle(point, 6, dot);
        }

        if (Extremes(scores) is var (peak, valley))
        {
            using var peakPaint = new SKPaint { Color = PeakColor, IsAntialias = true, Style = SKPaintStyle.Fill };
            using var valleyPaint = new SKPaint { Color = ValleyColor, IsAntialias = true, Style = SKPaintStyle.Fill };
            canvas.DrawCircle(points[peak]!.Value, 11, peakPaint);
            canvas.DrawCircle(points[valley]!.Value, 11, valleyPaint);
        }

        using var image = surface.Snapshot();
        // One filter instead of trying them all: about four times quicker, and no larger for a chart.
        using var pixels = image.PeekPixels();
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 6))
            ?? throw new InvalidOperationException("The emotion curve could not be encoded as PNG.");
        return png.ToArray();
    }

    /// <summary>The picture as a data URI, for an Adaptive Card image (<paramref name="other"/> as in <see cref="Png"/>).</summary>
    public static string DataUri(IReadOnlyList<double?> scores, IReadOnlyList<double?>? other = null) =>
        "data:image/png;base64," + Convert.ToBase64String(Png(scores, other));

    /// <summary>The same curve as faces, one per stage ("·" where nobody gave an emotion).</summary>
    public static string Faces(IReadOnlyList<double?> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return string.Join(" → ", scores.Select(s => s is { } score ? Vocabulary.Face(score) : "·"));
    }

    // The compared curve: dashed, thinner, grey, with small hollow dots, so the main one reads first.
    private static void DrawOther(SKCanvas canvas, IReadOnlyList<double?> other)
    {
        var known = other.Select((s, i) => s is { } score ? PointOf(i, other.Count, score) : (SKPoint?)null).OfType<SKPoint>().ToArray();
        using var dashes = SKPathEffect.CreateDash([10, 7], 0);
        using var line = new SKPaint { Color = OtherLineColor, StrokeWidth = 3, IsAntialias = true, Style = SKPaintStyle.Stroke, PathEffect = dashes };
        for (var i = 1; i < known.Length; i++)
        {
            canvas.DrawLine(known[i - 1], known[i], line);
        }

        using var ring = new SKPaint { Color = OtherLineColor, StrokeWidth = 2, IsAntialias = true, Style = SKPaintStyle.Stroke };
        foreach (var point in known)
        {
            canvas.DrawCircle(point, 5, ring);
        }
    }

    // −2…+2 gridlines (zero darker) and a faint column per stage.
    private static void DrawGrid(SKCanvas canvas, int stages)
    {
        using var grid = new SKPaint { Color = new SKColor(0xE1, 0xE1, 0xE1), StrokeWidth = 1, Style = SKPaintStyle.Stroke };
        using var zero = new SKPaint { Color = new SKColor(0x9E, 0x9E, 0x9E), StrokeWidth = 2, Style = SKPaintStyle.Stroke };
        for (var level = -2; level <= 2; level++)
        {
            var y = PointOf(0, 2, level).Y;
            canvas.DrawLine(Margin, y, Width - Margin, y, level == 0 ? zero : grid);
        }

        for (var i = 0; i < stages; i++)
        {
            var x = PointOf(i, stages, 0).X;
            canvas.DrawLine(x, Margin, x, Height - Margin, grid);
        }
    }
}
