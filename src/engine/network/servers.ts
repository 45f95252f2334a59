/**
 * What the servers in the image catalogue answer to `GET path`: the real pages, byte for byte,
 * so a learner sees the nginx welcome page or httpd's "It works!" and knows which one answered.
 */

export interface HttpAnswer {
  status: number;
  reason: string;
  body: string;
}

export type HttpServer =
  | { kind: 'image'; repository: string; tag: string; hostname: string }
  /** kube-apiserver's TLS port, reached with plain HTTP */
  | { kind: 'apiserver' };

const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** The nginx release behind each tag the catalogue offers. */
const NGINX_VERSIONS: Record<string, string> = {
  '1.21': '1.21.6',
  '1.23': '1.23.4',
  '1.25': '1.25.5',
  '1.26': '1.26.2',
  stable: '1.26.2',
};

function nginxNotFound(tag: string): string {
  const version = NGINX_VERSIONS[tag] ?? '1.27.3';
  return `<html>
<head><title>404 Not Found</title></head>
<body>
<center><h1>404 Not Found</h1></center>
<hr><center>nginx/${version}</center>
</body>
</html>
`;
}

const HTTPD_NOT_FOUND = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
<html><head>
<title>404 Not Found</title>
</head><body>
<h1>Not Found</h1>
<p>The requested URL was not found on this server.</p>
</body></html>
`;

const ok = (body: string): HttpAnswer => ({ status: 200, reason: 'OK', body });
const notFound = (body: string): HttpAnswer => ({ status: 404, reason: 'Not Found', body });

/** httpAnswer is the response to `GET path` from a server; undefined when it does not speak HTTP. */
export function httpAnswer(server: HttpServer, path: string): HttpAnswer | undefined {
  if (server.kind === 'apiserver') {
    // Go's TLS server answers a plain-HTTP request on its port with this fixed 400.
    return {
      status: 400,
      reason: 'Bad Request',
      body: 'Client sent an HTTP request to an HTTPS server.\n',
    };
  }
  const root = path === '/' || path === '/index.html';
  switch (server.repository) {
    case 'docker.io/library/nginx':
      return root ? ok(NGINX_WELCOME) : notFound(nginxNotFound(server.tag));
    case 'docker.io/library/httpd':
      return root
        ? ok('<html><body><h1>It works!</h1></body></html>\n')
        : notFound(HTTPD_NOT_FOUND);
    case 'docker.io/sysnet4admin/chk-hn':
      // The course's image answers every path with the name of the pod that served it.
      return ok(`${server.hostname}\n`);
    case 'registry.k8s.io/hpa-example':
      // php-apache's index.php burns CPU in a loop, then echoes "OK!" without a newline.
      return ok('OK!');
    default:
      // redis, postgres, mysql...: the connection opens, then closes on an HTTP request.
      return undefined;
  }
}
