// A database of this run's own (other builds share the server), named to the build through
// .mvn/maven.config, which Maven reads before the POM.
def name = 'migrata_it_' + UUID.randomUUID().toString().replace('-', '').substring(0, 12)
def props = new Properties()
props.setProperty('user', 'postgres')
def admin = new org.postgresql.Driver().connect('jdbc:postgresql://127.0.0.1:5432/test', props)
try {
  admin.createStatement().execute('CREATE DATABASE ' + name)
} finally {
  admin.close()
}
new File(basedir, 'database.name').text = name
def config = new File(basedir, '.mvn/maven.config')
config.parentFile.mkdirs()
config.text = "-Dmigrata.url=jdbc:postgresql://127.0.0.1:5432/${name}\n-Dmigrata.user=postgres\n"
return true
