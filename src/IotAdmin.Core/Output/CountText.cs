using System.Globalization;

namespace IotAdmin.Output
{
    /// <summary>"1 request", "2 requests": a count with its noun, in the one place that knows English plurals.</summary>
    internal static class CountText
    {
        /// <param name="count">How many.</param>
        /// <param name="noun">The singular ("request", "device", "page").</param>
        public static string Of(long count, string noun) =>
            count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
    }
}
