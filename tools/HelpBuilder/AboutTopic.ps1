# docs/about_*.md → about_*.help.txt in the classic form Get-Help reads: TOPIC, SHORT DESCRIPTION, LONG DESCRIPTION
# (and the page's other sections), wrapped at 80 columns. Get-Help takes a topic's synopsis from line 5 of the file
# (the first line under SHORT DESCRIPTION), so the short description must be one sentence that fits on that line.

$script:AboutWidth = 80

function ConvertTo-IotAboutTopic {
    param([Parameter(Mandatory)] [string] $Path, [string] $DocsUri = '')
    $name = [System.IO.Path]::GetFileNameWithoutExtension($Path)
    $blocks = ConvertFrom-IotMarkdown ((Get-Content -LiteralPath $Path -Raw) -replace '\r\n', "`n") $DocsUri
    $out = [System.Collections.Generic.List[string]]::new()
    $out.Add('TOPIC'); $out.Add("    $name"); $out.Add('')
    $section = $null
    $longStarted = $false
    foreach ($block in $blocks) {
        if ($block.Kind -eq 'heading' -and $block.Level -eq 1) { continue }
        if ($block.Kind -eq 'heading' -and $block.Level -eq 2) {
            $section = $block.Text
            if ($section -eq 'Short description') { $out.Add('SHORT DESCRIPTION'); continue }
            if ($section -eq 'Long description') { $out.Add(''); $out.Add('LONG DESCRIPTION'); $longStarted = $true; continue }
            if ($section -in 'Examples', 'See also', 'Notes', 'Keywords') { $out.Add(''); $out.Add($section.ToUpperInvariant()); continue }
            if (-not $longStarted) { $out.Add(''); $out.Add('LONG DESCRIPTION'); $longStarted = $true }
            $out.Add(''); $out.Add('  ' + $section.ToUpperInvariant())
            continue
        }
        if ($section -eq 'Short description') {
            $line = "    $($block.Text)"
            if ($block.Kind -ne 'para' -or $line.Length -gt $script:AboutWidth -or $block.Text -notmatch '^[A-Z].*\.$') {
                throw "$Path : the short description must be one sentence of at most $($script:AboutWidth - 4) characters (Get-Help shows its line 5 as the synopsis)."
            }
            $out.Add($line)
            continue
        }
        $out.Add('')
        switch ($block.Kind) {
            'heading' { $out.Add('  ' + $block.Text) }
            'para' { $out.AddRange([string[]](Format-IotWrappedText $block.Text -Indent 4 -Width $script:AboutWidth)) }
            'list' { $out.AddRange([string[]](Format-IotWrappedText "- $($block.Text)" -Indent 4 -Width $script:AboutWidth -HangingIndent 2)) }
            'code' {
                foreach ($line in $block.Lines) {
                    $indented = ("        $line").TrimEnd()
                    if ($indented.Length -gt $script:AboutWidth) {
                        Write-Warning "$Path : a code line is longer than $($script:AboutWidth - 8) characters and is cut: $line"
                        for (; $indented.Length -gt $script:AboutWidth; $indented = '          ' + $indented.Substring($script:AboutWidth)) { $out.Add($indented.Substring(0, $script:AboutWidth)) }
                    }
                    $out.Add($indented)
                }
            }
            'table' {
                $header = $block.Rows[0]
                foreach ($row in $block.Rows | Select-Object -Skip 1) {
                    $out.AddRange([string[]](Format-IotWrappedText ('- ' + (Format-IotTableRow $header $row)) -Indent 4 -Width $script:AboutWidth -HangingIndent 2))
                }
            }
        }
    }
    ($out -join [Environment]::NewLine) + [Environment]::NewLine
}
