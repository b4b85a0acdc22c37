// The CLI's lines in build.log and the PostgreSQL database they describe; the database is dropped.
def log = new File(basedir, 'build.log').text.replaceAll('\u001B\\[[0-9;]*m', '')
def lines = log.readLines()
def block = { List<String> expected ->
  def at = (0..lines.size() - expected.size()).find { i -> lines.subList(i, i + expected.size()) == expected }
  assert at != null : "build.log lacks the lines:\n" + expected.join('\n')
}
def name = new File(basedir, 'database.name').text.trim()
def props = new Properties()
props.setProperty('user', 'postgres')
try {
  block(['Operations to perform:', '  Apply all migrations: inventory', 'Running migrations:',
         '  Applying inventory.0001_initial... OK', '  Applying inventory.0002_seed_items... OK'])
  block(['inventory', ' [X] 0001_initial', ' [X] 0002_seed_items'])
  block(['Planned operations:', 'inventory.0002_seed_items', '    Raw Java operation',
         'inventory.0001_initial', '    Undo Create model Item'])
  // migrata:help lists the goals.
  assert log.contains('migrata:squashmigrations') && log.contains('migrata:optimizemigration')
  assert !(log =~ /(?m)^\s+at [a-z]/) : 'a stack trace in build.log'

  def db = new org.postgresql.Driver().connect("jdbc:postgresql://127.0.0.1:5432/${name}", props)
  try {
    def rs = db.createStatement().executeQuery('SELECT app, name FROM migrata_migrations ORDER BY id')
    def rows = []
    while (rs.next()) rows << rs.getString(1) + '.' + rs.getString(2)
    assert rows == ['inventory.0001_initial', 'inventory.0002_seed_items']
    rs = db.createStatement().executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = 'inventory_item' ORDER BY ordinal_position")
    def columns = []
    while (rs.next()) columns << rs.getString(1)
    assert columns == ['id', 'sku']
    // The data migration ran the project's own code (com.example.inventory.Skus).
    rs = db.createStatement().executeQuery('SELECT sku FROM inventory_item')
    assert rs.next() && rs.getString(1) == 'SKU-0001' && !rs.next()
  } finally {
    db.close()
  }
} finally {
  def admin = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/test', props)
  try {
    admin.createStatement().execute('DROP DATABASE IF EXISTS ' + name + ' WITH (FORCE)')
  } finally {
    admin.close()
  }
}
return true
