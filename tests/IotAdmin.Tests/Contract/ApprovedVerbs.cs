using System;
using System.Collections.Generic;

namespace IotAdmin.Tests.Contract
{
    /// <summary>PowerShell's approved verbs (Get-Verb on PowerShell 7.4).</summary>
    internal static class ApprovedVerbs
    {
        public static readonly HashSet<string> All = new HashSet<string>(StringComparer.Ordinal)
        {
            "Add", "Clear", "Close", "Copy", "Enter", "Exit", "Find", "Format", "Get", "Hide", "Join", "Lock", "Move", "New",
            "Open", "Optimize", "Pop", "Push", "Redo", "Remove", "Rename", "Reset", "Resize", "Search", "Select", "Set",
            "Show", "Skip", "Split", "Step", "Switch", "Undo", "Unlock", "Watch",
            "Connect", "Disconnect", "Read", "Receive", "Send", "Write",
            "Backup", "Checkpoint", "Compare", "Compress", "Convert", "ConvertFrom", "ConvertTo", "Dismount", "Edit",
            "Expand", "Export", "Group", "Import", "Initialize", "Limit", "Merge", "Mount", "Out", "Publish", "Restore",
            "Save", "Sync", "Unpublish", "Update",
            "Debug", "Measure", "Ping", "Repair", "Resolve", "Test", "Trace",
            "Approve", "Assert", "Build", "Complete", "Confirm", "Deny", "Deploy", "Disable", "Enable", "Install", "Invoke",
            "Register", "Request", "Restart", "Resume", "Start", "Stop", "Submit", "Suspend", "Uninstall", "Unregister", "Wait",
            "Block", "Grant", "Protect", "Revoke", "Unblock", "Unprotect",
            "Use",
        };

        /// <summary>Verbs that change state: their cmdlets must support -WhatIf/-Confirm.</summary>
        public static readonly HashSet<string> Mutating = new HashSet<string>(StringComparer.Ordinal)
        {
            "Add", "Clear", "Copy", "Move", "New", "Remove", "Rename", "Reset", "Set", "Update", "Install", "Uninstall",
            "Register", "Unregister", "Enable", "Disable", "Grant", "Revoke", "Block", "Unblock", "Publish", "Unpublish",
            "Restore", "Import", "Start", "Stop", "Restart", "Suspend", "Resume", "Submit", "Approve", "Deny", "Deploy",
        };
    }
}
