using System;
using System.Globalization;
using System.IO;
using System.Linq;

namespace IotAdmin.Journal
{
    /// <summary>
    /// The per-user journal folder (IOTADMIN_JOURNAL_DIR, else LocalApplicationData/IotAdmin/Journal) and its
    /// retention rule: when a new journal is started there, journals last written more than
    /// <see cref="RetentionDays"/> days ago are deleted. Files given with -JournalPath are never deleted.
    /// </summary>
    internal static class JournalFolder
    {
        public const string FolderVariable = "IOTADMIN_JOURNAL_DIR";

        public const int RetentionDays = 30;

        public static string Path
        {
            get
            {
                var overridden = Environment.GetEnvironmentVariable(FolderVariable);
                if (!string.IsNullOrWhiteSpace(overridden)) return overridden!;
                var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
                if (string.IsNullOrEmpty(local)) local = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
                return System.IO.Path.Combine(local, "IotAdmin", "Journal");
            }
        }

        /// <summary>A new file name in the folder (time and command), after applying the retention rule.</summary>
        public static string NewJournalPath(string command, DateTimeOffset now)
        {
            var folder = Path;
            Directory.CreateDirectory(folder);
            Prune(folder, now);
            var name = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + command + "-" + Guid.NewGuid().ToString("N").Substring(0, 6) + ".jsonl";
            return System.IO.Path.Combine(folder, name);
        }

        /// <summary>The folder's journals, oldest first.</summary>
        public static string[] Journals()
        {
            var folder = Path;
            return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.jsonl").OrderBy(f => File.GetLastWriteTimeUtc(f)).ThenBy(f => f, StringComparer.Ordinal).ToArray() : new string[0];
        }

        private static void Prune(string folder, DateTimeOffset now)
        {
            foreach (var file in Directory.GetFiles(folder, "*.jsonl"))
            {
                if (now.UtcDateTime - File.GetLastWriteTimeUtc(file) <= TimeSpan.FromDays(RetentionDays)) continue;
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // In use by another run: it goes next time.
                }
            }
        }
    }
}
