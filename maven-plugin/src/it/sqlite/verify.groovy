// The CLI's lines, exactly, in build.log; the database the goals wrote.
import java.sql.DriverManager

def log = new File(basedir, 'build.log').text.replaceAll('\u001B\\[[0-9;]*m', '')
def lines = log.readLines()

def block = { List<String> expected ->
  def at = (0..lines.size() - expected.size()).find { i -> lines.subList(i, i + expected.size()) == expected }
  assert at != null : "build.log lacks the lines:\n" + expected.join('\n')
}

// 1: check fails on the unapplied 0001 and lists it.
block(['Planned operations:', 'shop.0001_initial', '    Create model Product'])
assert log.contains('on project shop: The database has 1 unapplied migration(s): shop.0001_initial.'
    + ' Run mvn migrata:migrate to apply them.')
// 2: under -q, migrate's and showmigrations' output with no log line between them.
block(['Operations to perform:', '  Apply all migrations: shop', 'Running migrations:',
       '  Applying shop.0001_initial... OK', 'shop', ' [X] 0001_initial'])
// 3: sqlmigrate, then a passing check.
block(['BEGIN;', '--', '-- Create model Product', '--',
       'CREATE TABLE "shop_product" ("id" integer NOT NULL PRIMARY KEY AUTOINCREMENT, "name" varchar(100) NOT NULL, "price" integer NOT NULL);',
       'COMMIT;'])
assert log.contains('[INFO] Migrata: every model change has its migration.')
assert log.contains('[INFO] Migrata: no unapplied migrations.')
// 4: makemigrations --empty writes into src/main/java.
block(["Migrations for 'shop':", '  src/main/java/com/example/shop/migrations/M0002_fill_prices.java'])
def written = new File(basedir, 'src/main/java/com/example/shop/migrations/M0002_fill_prices.java')
assert written.text.contains('name = "0002_fill_prices"')
// 5: the CLI's error as the build's failure message.
assert log.contains("on project shop: Cannot find a migration matching '0099' from app 'shop'. -> [Help 1]")
assert !lines.any { it.startsWith('Error: ') } : 'the CLI error was printed besides the failure'
// 6: squashmigrations; 7: optimizemigration --check on a migration with nothing to optimize.
block(['Will squash the following migrations:', ' - 0001_initial', ' - 0002_fill_prices', 'Optimizing...',
       '  No optimizations possible.',
       'Created new squashed migration src/main/java/com/example/shop/migrations/M0001_squashed_0002_fill_prices.java'])
assert new File(basedir, 'src/main/java/com/example/shop/migrations/M0001_squashed_0002_fill_prices.java').text
    .contains('replaces = {')
def optimize = lines.findIndexOf { it.endsWith(':optimizemigration (default-cli) @ shop ---') }
assert optimize >= 0 && lines[optimize + 1] == 'No optimizations possible.'
assert !(log =~ /(?m)^\s+at [a-z]/) : 'a stack trace in build.log'

// The database is the project's target/shop.db (a relative SQLite URL is the project's).
def db = new File(basedir, 'target/shop.db')
assert db.isFile()
def connection = new org.sqlite.JDBC().connect('jdbc:sqlite:' + db, new Properties())
try {
  def rows = []
  def rs = connection.createStatement().executeQuery('SELECT app, name FROM migrata_migrations ORDER BY id')
  while (rs.next()) rows << rs.getString(1) + '.' + rs.getString(2)
  assert rows == ['shop.0001_initial']
  rs = connection.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'shop_product'")
  assert rs.next()
} finally {
  connection.close()
}
return true
