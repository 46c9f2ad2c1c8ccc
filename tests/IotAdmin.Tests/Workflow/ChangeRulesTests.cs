using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using IotAdmin.Journal;
using IotAdmin.Models;
using IotAdmin.Operations.Changes;
using Xunit;

namespace IotAdmin.Tests.Workflow
{
    /// <summary>The rules of a change plan without any request: empty cells, what a device still needs, undo plans, journal retention.</summary>
    public sealed class ChangeRulesTests
    {
        private static readonly IotDevice Device = new IotDevice { ProjectId = "p1", DeviceId = "d1", Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["room"] = "101", ["floor"] = "3", ["name"] = "Freezer" } };

        [Fact]
        public void An_empty_cell_changes_nothing_unless_RemoveEmpty_makes_it_remove_the_label()
        {
            var cells = new[] { Cell("room", "102"), Cell("floor", ""), Cell("zone", null) };
            var keep = RowChange.From(cells, false, out var problem);
            Assert.Null(problem);
            Assert.Equal(new[] { "room" }, keep.Set.Keys);
            Assert.Empty(keep.Remove);

            var remove = RowChange.From(cells, true, out problem);
            Assert.Null(problem);
            Assert.Equal(new[] { "floor", "zone" }, remove.Remove);
        }

        [Fact]
        public void A_bad_label_key_or_value_is_the_rows_problem()
        {
            RowChange.From(new[] { Cell("bad key", "x") }, false, out var problem);
            Assert.NotNull(problem);
            RowChange.From(new[] { Cell("room", new string('x', 300)) }, false, out problem);
            Assert.NotNull(problem);
        }

        [Fact]
        public void A_device_needs_only_the_labels_that_differ_and_none_when_it_is_already_as_wanted()
        {
            var change = new DeviceChange(new Dictionary<string, string> { ["room"] = "101", ["floor"] = "4" }, new[] { "absent", "name" });
            var needed = change.EffectiveFor(Device);
            Assert.Equal(new[] { "floor" }, needed.Set.Keys);
            Assert.Equal(new[] { "name" }, needed.Remove);
            Assert.False(change.IsDone(Device));
            Assert.True(new DeviceChange(new Dictionary<string, string> { ["room"] = "101" }, new[] { "absent" }).IsDone(Device));
            Assert.True(new DeviceChange(moveTo: "p1").IsDone(Device));
        }

        [Fact]
        public void An_undo_goes_back_to_the_state_before_the_first_entry_and_expects_the_state_after_the_last()
        {
            var s0 = new DeviceState("p1", new Dictionary<string, string> { ["room"] = "101", ["old"] = "x" });
            var s1 = new DeviceState("p1", new Dictionary<string, string> { ["room"] = "102" });
            var s2 = new DeviceState("p2", new Dictionary<string, string> { ["room"] = "102", ["new"] = "y" });
            var entries = new[] { new JournalEntry(DateTimeOffset.UtcNow, "op1", "Set-IotLabel", "d1", s0, s1), new JournalEntry(DateTimeOffset.UtcNow, "op2", "Move-IotDevice", "d1", s1, s2) };

            var undo = Assert.Single(UndoPlanner.Plan(entries, null));
            Assert.Equal("p2", undo.ProjectId);
            Assert.Equal(s2, undo.Change.Expected);
            Assert.Equal("p1", undo.Change.MoveTo);
            Assert.Equal(new Dictionary<string, string> { ["old"] = "x", ["room"] = "101" }, undo.Change.Set);
            Assert.Equal(new[] { "new" }, undo.Change.Remove);

            var onlyTheMove = Assert.Single(UndoPlanner.Plan(entries, "op2"));
            Assert.Empty(onlyTheMove.Change.Set);
            Assert.Equal(new[] { "new" }, onlyTheMove.Change.Remove);
            Assert.Equal("p1", onlyTheMove.Change.MoveTo);
        }

        [Fact]
        public void Starting_a_journal_in_the_per_user_folder_deletes_journals_older_than_30_days_and_keeps_the_rest()
        {
            var folder = Path.Combine(Path.GetTempPath(), "iotadmin-journals-" + Guid.NewGuid().ToString("N"));
            var saved = Environment.GetEnvironmentVariable(JournalFolder.FolderVariable);
            Directory.CreateDirectory(folder);
            try
            {
                Environment.SetEnvironmentVariable(JournalFolder.FolderVariable, folder);
                var now = DateTimeOffset.UtcNow;
                var old = Path.Combine(folder, "old.jsonl");
                var recent = Path.Combine(folder, "recent.jsonl");
                var other = Path.Combine(folder, "notes.txt");
                foreach (var f in new[] { old, recent, other }) File.WriteAllText(f, "{}");
                File.SetLastWriteTimeUtc(old, now.UtcDateTime.AddDays(-31));
                File.SetLastWriteTimeUtc(recent, now.UtcDateTime.AddDays(-29));
                File.SetLastWriteTimeUtc(other, now.UtcDateTime.AddDays(-90));

                var path = JournalFolder.NewJournalPath("Set-IotLabel", now);
                Assert.StartsWith(folder, path, StringComparison.Ordinal);
                Assert.Contains("Set-IotLabel", Path.GetFileName(path), StringComparison.Ordinal);
                Assert.False(File.Exists(old));
                Assert.True(File.Exists(recent));
                Assert.True(File.Exists(other));
            }
            finally
            {
                Environment.SetEnvironmentVariable(JournalFolder.FolderVariable, saved);
                Directory.Delete(folder, true);
            }
        }

        private static KeyValuePair<string, object?> Cell(string key, object? value) => new KeyValuePair<string, object?>(key, value);
    }
}
