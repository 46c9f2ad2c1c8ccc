using System.Text;

namespace IotAdmin.Errors
{
    /// <summary>Keeps server-supplied text short and printable before it reaches a message or a log.</summary>
    internal static class TextBounds
    {
        public const int MaxMessageLength = 1000;
        public const int MaxExcerptLength = 500;

        public static string? Clean(string? text, int maxLength = MaxMessageLength)
        {
            if (string.IsNullOrEmpty(text)) return null;
            var sb = new StringBuilder(System.Math.Min(text!.Length, maxLength + 1));
            var lastWasSpace = false;
            foreach (var c in text)
            {
                var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
                if (isSpace)
                {
                    if (!lastWasSpace && sb.Length > 0) sb.Append(' ');
                    lastWasSpace = true;
                    continue;
                }

                lastWasSpace = false;
                if (sb.Length >= maxLength)
                {
                    sb.Append('…');
                    break;
                }

                sb.Append(c);
            }

            var result = sb.ToString().TrimEnd();
            return result.Length == 0 ? null : result;
        }
    }
}
