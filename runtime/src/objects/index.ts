// Loads every type of the object model in dependency order, so their methods are registered
// before any program runs. The VM imports this once.
import './typeobject';
import './exceptions';
import './int';
import './bool';
import './none';
import './float';
import './str';
import './tuple';
import './list';
import './dict';
import './set';
import './abstract';
import './objectMethods';
import './intMethods';
import './floatMethods';
import './strMethods';
import './sequenceMethods';
import './dictMethods';
import './setMethods';
import './functionMethods';
import './coroutine';
import './asyncGenerator';
import './simpleMethods';
import './syntaxError';
import './codeMethods';
import './super';
