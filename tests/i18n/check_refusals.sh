#!/bin/sh
# Every refusal the desktop program can show is worded with errorText() (or wxTRANSLATE/_() in
# the window's own code), so the window can show it in the interface's language: a message glued
# together from English pieces would stay English in the Spanish window. Checked over the store,
# service and window sources; the command line's own paths (audit hash prefixes, -o targets,
# imports, passphrase files, the headless start) speak English by design and are left out.
set -eu
root=${1:?usage: check_refusals.sh SOURCE_ROOT}
cd "$root"
files=$(ls src/core/store/*.cpp src/core/service/*.cpp src/app/*.cpp |
  grep -v -e 'store/audit_chain.cpp' -e 'store/output_guard.cpp' -e 'store/store_import.cpp' \
    -e 'app/main.cpp' -e 'app/headless_demo.cpp')
# shellcheck disable=SC2086
perl -e '
  my $bad = 0;
  for my $file (@ARGV) {
    open(my $in, "<", $file) or die "$file: $!";
    local $/; my $text = <$in>; close $in;
    while ($text =~ /throw(?:BadInput|NotFound|Database|Output)\(\s*/g) {
      my $at = pos($text);
      my $rest = substr($text, $at, 200);
      # errorText(...), an ErrorText or message variable, the window'"'"'s translated words, a
      # comment line before the words, or SQLite'"'"'s own text.
      next if $rest =~ m{^(?:errorText\(|std::move\(|wxTRANSLATE\(|_\(|//|[A-Za-z_][\w.]*\)|[A-Za-z_][\w.]*\(\)\s*\?|std::string\(sqlite3_errmsg|withFileName\(e\.what\(\)|std::string\(e\.what\(\)\))};
      my $line = 1 + (substr($text, 0, $at) =~ tr/\n//);
      my ($first) = $rest =~ /^([^\n]*)/;
      print "$file:$line: not worded with errorText(): $first\n";
      $bad++;
    }
  }
  exit($bad ? 1 : 0);
' $files
