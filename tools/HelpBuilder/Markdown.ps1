# Markdown (the subset docs/*.md use) to plain text: blocks (paragraphs, lists, fenced code, tables, headings) and
# inline formatting stripped (code spans, bold, links). Help shows plain text: Get-Help prints markup literally.

# A relative link to another page becomes its online address; about_ topics stay names (Get-Help about_X finds them).
function ConvertTo-IotPlainInline {
    param([string] $Text, [string] $DocsUri)
    $text = [regex]::Replace($Text, '\[(?<text>[^\]]+)\]\((?<target>[^)\s]+)\)', {
            param($m)
            $label = $m.Groups['text'].Value
            $target = $m.Groups['target'].Value
            if ($target -match '^https?://') { return "$label ($target)" }
            if ($target -match '^(?<page>about_[^.#]+)\.md') { return $label }
            if ($target -match '^#') { return $label }
            if ($DocsUri) {
                $path = $target -replace '^\./', ''
                return "$label ($DocsUri/$path)" -replace '/docs/\.\./', '/'
            }
            $label
        })
    $text = $text -replace '\*\*(.+?)\*\*', '$1'
    # Code spans: the text between the backticks (``x`` for spans that contain one).
    $text = $text -replace '``\s?(.+?)\s?``', '$1'
    $text -replace '`([^`]+)`', '$1'
}

# Blocks of a markdown text: @{ Kind = heading|para|list|code|table; Level; Text; Lines; Rows }.
function ConvertFrom-IotMarkdown {
    param([string] $Markdown, [string] $DocsUri)
    $blocks = [System.Collections.Generic.List[object]]::new()
    $lines = @($Markdown -split '\r?\n')
    $para = [System.Collections.Generic.List[string]]::new()
    $flush = {
        if ($para.Count) {
            $blocks.Add(@{ Kind = 'para'; Text = (ConvertTo-IotPlainInline (($para | ForEach-Object Trim) -join ' ') $DocsUri) })
            $para.Clear()
        }
    }
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($line -match '^\s*```') {
            & $flush
            $code = [System.Collections.Generic.List[string]]::new()
            for ($i++; $i -lt $lines.Count -and $lines[$i] -notmatch '^\s*```\s*$'; $i++) { $code.Add($lines[$i]) }
            $blocks.Add(@{ Kind = 'code'; Lines = @($code) })
            continue
        }
        if ($line -match '^(?<hashes>#{1,6})\s+(?<text>.+)$') {
            & $flush
            $blocks.Add(@{ Kind = 'heading'; Level = $Matches.hashes.Length; Text = (ConvertTo-IotPlainInline $Matches.text $DocsUri) })
            continue
        }
        if ($line -match '^\s*\|') {
            & $flush
            $rows = [System.Collections.Generic.List[object]]::new()
            for (; $i -lt $lines.Count -and $lines[$i] -match '^\s*\|'; $i++) {
                $cells = @(($lines[$i].Trim() -replace '^\||\|$', '') -split '(?<!\\)\|' | ForEach-Object { ConvertTo-IotPlainInline $_.Trim() $DocsUri })
                if (($cells -join '') -notmatch '^[-:\s]*$') { $rows.Add($cells) }
            }
            $i--
            $blocks.Add(@{ Kind = 'table'; Rows = @($rows) })
            continue
        }
        if ($line -match '^\s*(?:[-*]|\d+\.)\s+(?<text>.+)$') {
            & $flush
            $item = [System.Collections.Generic.List[string]]::new()
            $item.Add($Matches.text)
            for ($i++; $i -lt $lines.Count -and $lines[$i] -match '^\s{2,}\S' -and $lines[$i] -notmatch '^\s*(?:[-*]|\d+\.)\s+'; $i++) { $item.Add($lines[$i].Trim()) }
            $i--
            $blocks.Add(@{ Kind = 'list'; Text = (ConvertTo-IotPlainInline ($item -join ' ') $DocsUri) })
            continue
        }
        if ($line.Trim()) { $para.Add($line) } else { & $flush }
    }
    & $flush
    $blocks.ToArray()
}

# Words wrapped to $Width columns, each line indented; a hanging indent for list items.
function Format-IotWrappedText {
    param([string] $Text, [int] $Indent = 4, [int] $Width = 80, [int] $HangingIndent = 0)
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = ' ' * $Indent
    $start = $line.Length
    # A word longer than a line (a JSON sample, a long address) is cut where the line ends.
    $room = $Width - $Indent - $HangingIndent
    $words = foreach ($word in ($Text -split '\s+' | Where-Object { $_ })) {
        for ($at = 0; $word.Length - $at -gt $room; $at += $room) { $word.Substring($at, $room) }
        $word.Substring($at)
    }
    foreach ($word in $words) {
        if ($line.Length -gt $start -and $line.Length + 1 + $word.Length -gt $Width) {
            $lines.Add($line)
            $line = ' ' * ($Indent + $HangingIndent)
            $start = $line.Length
        }
        $line = if ($line.Length -gt $start) { "$line $word" } else { "$line$word" }
    }
    if ($line.Length -gt $start) { $lines.Add($line) }
    $lines.ToArray()
}

# One table row as words ("ErrorId: IotApiNotFound; Category: …"): the first cell leads, the others are named by their header.
function Format-IotTableRow {
    param([string[]] $Header, [string[]] $Cells)
    $named = for ($c = 1; $c -lt $Cells.Count; $c++) { if ($Cells[$c]) { "$($Header[$c]): $($Cells[$c])" } }
    "$($Cells[0]) — $($named -join '; ')"
}
