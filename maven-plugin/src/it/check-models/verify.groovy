// The models check fails in Django's words and writes nothing into the source tree.
def log = new File(basedir, 'build.log').text.replaceAll('\u001B\\[[0-9;]*m', '')
assert log.contains("Your models in app(s): 'shop' have changes that are not yet reflected in a migration")
assert log.contains('[ERROR] Failed to execute goal dev.migrata:migrata-maven-plugin:')
assert !(log =~ /(?m)^\s+at [a-z]/) : 'a stack trace in build.log'
def migrations = new File(basedir, 'src/main/java/com/example/shop/migrations').list().sort()
assert migrations == ['M0001_initial.java']
return true
